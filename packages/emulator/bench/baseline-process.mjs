// Child process of the throughput benchmark: the plain Node HTTP baseline. PUT bodies are read
// and dropped (the sink); GET /source/<n> streams n bytes of a repeated 1 MiB block (the source).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

const block = randomBytes(1024 * 1024);
const server = createServer((req, res) => {
  if (req.method === 'PUT') {
    let size = 0;
    req.on('data', (chunk) => (size += chunk.length));
    req.on('end', () => res.end(JSON.stringify({ size })));
    return;
  }
  let left = Number(req.url.split('/')[2]);
  res.writeHead(200, { 'Content-Length': left, 'Content-Type': 'application/octet-stream' });
  const pump = () => {
    while (left > 0) {
      const chunk = left >= block.length ? block : block.subarray(0, left);
      left -= chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
