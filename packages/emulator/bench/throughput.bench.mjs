// Benchmark (not a test): a 1 GiB upload (PUT and multipart) and download through the emulator next
// to a plain Node HTTP sink/source moving the same bytes in the same run, and the emulator process's
// peak memory. The emulator runs twice: data dir on tmpfs (its own cost) and on disk (plus the disk's).
// Needs the built dist (`pnpm build`). Run: `pnpm bench` or `node packages/emulator/bench/throughput.bench.mjs`;
// BENCH_BYTES sets the size.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const SIZE = Number(process.env.BENCH_BYTES ?? 1024 ** 3);
const block = randomBytes(1024 * 1024);

async function startChild(script, ...args) {
  const child = spawn(process.execPath, [new URL(script, import.meta.url).pathname, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return { child, info: JSON.parse(line) };
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}

const BOUNDARY = 'benchboundary';
const HEAD = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big-multipart.bin"\r\n\r\n`);
const TAIL = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

// Sends `bodyBytes` of content (wrapped as one multipart file part when `multipart`), reads the answer.
function send(url, method, headers, bodyBytes, multipart = false) {
  return new Promise((resolve, reject) => {
    const length = bodyBytes === undefined ? undefined : bodyBytes + (multipart ? HEAD.length + TAIL.length : 0);
    const allHeaders = { ...headers, ...(length === undefined ? {} : { 'Content-Length': length }) };
    if (multipart) allHeaders['Content-Type'] = `multipart/form-data; boundary=${BOUNDARY}`;
    const req = request(url, { method, headers: allHeaders }, (res) => {
      let received = 0;
      const chunks = [];
      res.on('data', (chunk) => {
        received += chunk.length;
        if (chunks.length < 64) chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode, received, text: Buffer.concat(chunks).toString('utf8').slice(0, 4096) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (bodyBytes === undefined) return void req.end();
    if (multipart) req.write(HEAD);
    let left = bodyBytes;
    const pump = () => {
      while (left > 0) {
        const chunk = left >= block.length ? block : block.subarray(0, left);
        left -= chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end(multipart ? TAIL : undefined);
    };
    pump();
  });
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

const mbps = (seconds) => SIZE / 1024 ** 2 / seconds;

const baseline = await startChild('./baseline-process.mjs');
const baseUp = await timed(() => send(`${baseline.info.url}/sink`, 'PUT', {}, SIZE));
const baseMulti = await timed(() => send(`${baseline.info.url}/sink`, 'PUT', {}, SIZE, true));
const baseDown = await timed(() => send(`${baseline.info.url}/source/${SIZE}`, 'GET', {}));
baseline.child.kill('SIGTERM');

async function measureEmulator(dataDirBase) {
  const emu = await startChild('./emulator-process.mjs', ...(dataDirBase ? [dataDirBase] : []));
  const idle = memoryOf(emu.child.pid);
  const auth = { Authorization: `Bearer ${emu.info.token}` };
  const up = await timed(() => send(`${emu.info.apiUrl}/uploadfile?folderid=0&filename=big.bin&nopartial=1`, 'PUT', auth, SIZE));
  const multi = await timed(() => send(`${emu.info.apiUrl}/uploadfile?folderid=0`, 'POST', auth, SIZE, true));
  if (JSON.parse(multi.result.text).metadata?.[0]?.size !== SIZE) throw new Error(`multipart upload failed: ${multi.result.text}`);
  const fileid = JSON.parse(up.result.text).fileids[0];
  const link = JSON.parse((await send(`${emu.info.apiUrl}/getfilelink?fileid=${fileid}`, 'GET', auth)).text);
  const down = await timed(() => send(`http://${link.hosts[0]}${link.path}`, 'GET', {}));
  if (down.result.received !== SIZE) throw new Error(`downloaded ${down.result.received} of ${SIZE} bytes`);
  const memory = memoryOf(emu.child.pid);
  emu.child.kill('SIGTERM');
  await once(emu.child, 'exit');
  return { up, multi, down, idle, memory };
}

const row = (name, base, emulator) =>
  `| ${name.padEnd(9)} | ${mbps(base).toFixed(0).padStart(11)} | ${mbps(emulator).toFixed(0).padStart(14)} | ${((base / emulator) * 100).toFixed(0).padStart(5)}% |`;
const mib = (bytes) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
// Content on tmpfs shows the emulator's own cost; on disk, this machine's writeback throttling adds to it.
const places = [
  ...(existsSync('/dev/shm') ? [['data dir on tmpfs (/dev/shm)', '/dev/shm']] : []),
  [`data dir on disk (${tmpdir()})`, undefined],
];
for (const [label, base] of places) {
  const run = await measureEmulator(base);
  console.log(`\n@pcloud/emulator throughput, ${mib(SIZE)} over loopback HTTP, ${label}`);
  console.log('| transfer  | plain MiB/s | emulator MiB/s | ratio  |');
  console.log('|-----------|-------------|----------------|--------|');
  console.log(row('PUT', baseUp.seconds, run.up.seconds));
  console.log(row('multipart', baseMulti.seconds, run.multi.seconds));
  console.log(row('download', baseDown.seconds, run.down.seconds));
  console.log(`emulator RSS: ${mib(run.idle.rss)} after start, ${mib(run.memory.rss)} at the end, peak ${mib(run.memory.peak)}`);
}
