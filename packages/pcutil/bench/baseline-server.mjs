// Child process of the bench: the plain Node HTTPS baseline, bytes piped over TLS on loopback with
// Node's defaults and nothing else (no API, no hashing). PUT bodies are counted and dropped
// (answering their size); GET streams the file named on the command line. Prints one JSON line:
// its URL and the CA to trust.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { createThrowawayCertificate } from '@pcloud/emulator';

const source = process.argv[2];
const { key, cert, ca } = await createThrowawayCertificate();
const server = createServer({ key, cert }, (req, res) => {
  if (req.method === 'PUT') {
    let size = 0;
    req.on('data', (chunk) => (size += chunk.length));
    req.on('end', () => res.end(JSON.stringify({ size })));
    return;
  }
  res.writeHead(200, { 'content-length': statSync(source).size, 'content-type': 'application/octet-stream' });
  createReadStream(source).pipe(res);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `https://127.0.0.1:${server.address().port}/x`, ca })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
