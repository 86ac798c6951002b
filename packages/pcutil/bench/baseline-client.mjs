// Child process of the bench: one plain Node HTTPS transfer, timed like pcutil and rclone.
// `up URL FILE CA`: PUT the file and check the server counted every byte; `down URL FILE CA`: GET
// into the file (the bench checks its bytes). Exits non-zero on any failure.
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { pipeline } from 'node:stream/promises';

const [direction, url, file, caFile] = process.argv.slice(2);
const ca = readFileSync(caFile, 'utf8');
const size = direction === 'up' ? statSync(file).size : undefined;
const headers = size === undefined ? {} : { 'content-length': size };
const req = request(url, { method: direction === 'up' ? 'PUT' : 'GET', ca, headers });
const response = new Promise((resolve, reject) => req.on('response', resolve).on('error', reject));
if (direction === 'up') await pipeline(createReadStream(file), req);
else req.end();
const res = await response;
if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
if (direction === 'down') {
  await pipeline(res, createWriteStream(file));
} else {
  const chunks = [];
  for await (const chunk of res) chunks.push(chunk);
  const answered = JSON.parse(Buffer.concat(chunks).toString('utf8')).size;
  if (answered !== size) throw new Error(`the server received ${answered} of ${size} bytes`);
}
