// `pnpm bench` (after `pnpm build`): pcutil's transfer numbers against the emulator, printed as a table.
// - 1 GiB up and down through the bundled bin, next to a plain Node HTTP PUT/GET of the same bytes
//   (the loopback limit on this machine, measured in the same run the same way: a child process),
//   3 times each (PCUTIL_BENCH_RUNS), medians reported, after one untimed warm-up round of each
//   (as hyperfine's --warmup: the first gigabyte the emulator stores lands in memory this VM has
//   not handed out yet, which cost the stand-in server about a fifth more time, measured);
// - the bin runs through its shebang (its Node flags included), as an installed `pcutil` does;
// - peak RSS of the pcutil process (from /usr/bin/time when present, else /proc polling);
// - 2,000 files of 4 KiB, cp -r up and down, at the default -j and at -j 1;
// - `pcutil --help` start-up, median of 15.
// The emulator stands in for a remote server, so its data dir goes on tmpfs (/dev/shm) when there
// is one: the server's disk writes are not the client's cost, and the baseline's sink writes nothing.
// Numbers only: this is not a test and asserts nothing.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '@pcloud/emulator';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = join(packageDir, 'bin/pcutil.js');
if (!existsSync(join(packageDir, 'dist/bin/pcutil.js'))) {
  console.error('pcutil is not built: run `pnpm build` first');
  process.exit(1);
}
const BIG = Number(process.env.PCUTIL_BENCH_BYTES ?? 1024 ** 3);
const RUNS = Number(process.env.PCUTIL_BENCH_RUNS ?? 3);
const SMALL_COUNT = 2000;
const SMALL_SIZE = 4096;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const work = await mkdtemp(join(tmpdir(), 'pcutil-bench-'));
const serverDisk = existsSync('/dev/shm') ? await mkdtemp('/dev/shm/pcutil-bench-server-') : join(work, 'emulator-data');
const emulator = await createEmulator({ dataDir: serverDisk });
const env = { PATH: process.env.PATH ?? '', HOME: work, PCLOUD_ENDPOINT: emulator.apiUrl, PCLOUD_ACCESS_TOKEN: emulator.token };

/** Runs a command as a child; answers wall seconds, peak RSS in MB and the exit code. */
function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`);
    const [file, argv] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
    const started = performance.now();
    const child = spawn(file, argv, { env, cwd: work, stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', async (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rssMb = TIME ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').pop()) / 1024 : NaN;
      if (code !== 0) console.error(`${command} ${args.join(' ')} failed (${code}): ${stderr.slice(-400)}`);
      resolve({ seconds, rssMb, code });
    });
  });
}

/** A file of `size` pseudo-random bytes, written in 8 MiB pieces. */
async function makeFile(path, size) {
  const piece = Buffer.alloc(8 * 1024 * 1024);
  for (let i = 0; i < piece.length; i += 4) piece.writeUInt32LE((i * 2654435761) >>> 0, i);
  const out = createWriteStream(path);
  for (let done = 0; done < size; done += piece.length) {
    if (!out.write(piece.subarray(0, Math.min(piece.length, size - done)))) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

/** The plain baseline: an HTTP sink for PUT and a source for GET, each moved by a child Node process. */
async function startBaseline(path) {
  const server = createServer((req, res) => {
    if (req.method === 'PUT') {
      req.on('data', () => {});
      req.on('end', () => res.end('ok'));
    } else {
      res.writeHead(200, { 'content-length': BIG });
      createReadStream(path).pipe(res);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/x`;
  const client = (method) => `
    const http = require('node:http'); const fs = require('node:fs');
    const req = http.request(${JSON.stringify(url)}, { method: '${method}', headers: ${method === 'PUT' ? `{ 'content-length': ${BIG} }` : '{}'} }, (res) => {
      ${method === 'PUT' ? "res.resume(); res.on('end', () => {});" : `res.pipe(fs.createWriteStream(${JSON.stringify(join(work, 'baseline-down'))}));`}
    });
    ${method === 'PUT' ? `fs.createReadStream(${JSON.stringify(path)}).pipe(req);` : 'req.end();'}`;
  return {
    up: () => timed(process.execPath, ['-e', client('PUT')]),
    down: async () => {
      const result = await timed(process.execPath, ['-e', client('GET')]);
      await rm(join(work, 'baseline-down'), { force: true });
      return result;
    },
    close: () => server.close(),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows = [];
const rate = (bytes, seconds) => `${(bytes / seconds / 1e6).toFixed(1)} MB/s`;
try {
  const big = join(work, 'big.bin');
  await makeFile(big, BIG);
  // Baseline and pcutil alternate, RUNS times each way, so a noisy stretch of the machine hits
  // both; the table gives medians (and the highest peak RSS).
  const baseline = await startBaseline(big);
  await baseline.up();
  await timed(bin, ['cp', big, 'p:/bench/big.bin']);
  await baseline.down();
  await timed(bin, ['cp', 'p:/bench/big.bin', join(work, 'big-down.bin')]);
  await rm(join(work, 'big-down.bin'), { force: true });
  const runs = { baseUp: [], up: [], baseDown: [], down: [] };
  for (let run = 0; run < RUNS; run += 1) {
    runs.baseUp.push(await baseline.up());
    runs.up.push(await timed(bin, ['cp', big, 'p:/bench/big.bin']));
    runs.baseDown.push(await baseline.down());
    runs.down.push(await timed(bin, ['cp', 'p:/bench/big.bin', join(work, 'big-down.bin')]));
    await rm(join(work, 'big-down.bin'), { force: true });
  }
  baseline.close();
  const label = `${(BIG / 1024 ** 3).toFixed(BIG >= 1024 ** 3 ? 0 : 2)} GiB`;
  for (const [name, ours, theirs] of [['upload', runs.up, runs.baseUp], ['download', runs.down, runs.baseDown]]) {
    const seconds = median(ours.map((r) => r.seconds));
    const base = median(theirs.map((r) => r.seconds));
    const rss = Math.max(...ours.map((r) => r.rssMb));
    rows.push([`${label} ${name} (median of ${RUNS})`, rate(BIG, seconds), `baseline ${rate(BIG, base)}`, `${((base / seconds) * 100).toFixed(0)}% (goal ≥60%)`, `peak RSS ${rss.toFixed(0)} MB (goal ≤120)`]);
  }
  await rm(big, { force: true });

  const small = join(work, 'small');
  const content = Buffer.alloc(SMALL_SIZE, 42);
  for (let folder = 0; folder < 20; folder += 1) {
    await mkdir(join(small, `d${folder}`), { recursive: true });
    for (let i = 0; i < SMALL_COUNT / 20; i += 1) await writeFile(join(small, `d${folder}`, `f${i}.bin`), content);
  }
  for (const jobs of ['4', '1']) {
    const label = jobs === '4' ? 'default -j 4' : '-j 1';
    const upSmall = await timed(bin, ['cp', '-r', '-j', jobs, small, `p:/small-j${jobs}`]);
    const downSmall = await timed(bin, ['cp', '-r', '-j', jobs, `p:/small-j${jobs}`, join(work, `small-down-j${jobs}`)]);
    rows.push([`2,000 × 4 KiB up (${label})`, `${(SMALL_COUNT / upSmall.seconds).toFixed(0)} files/s`, `${upSmall.seconds.toFixed(1)} s`, '', `peak RSS ${upSmall.rssMb.toFixed(0)} MB`]);
    rows.push([`2,000 × 4 KiB down (${label})`, `${(SMALL_COUNT / downSmall.seconds).toFixed(0)} files/s`, `${downSmall.seconds.toFixed(1)} s`, '', `peak RSS ${downSmall.rssMb.toFixed(0)} MB`]);
  }

  const starts = [];
  for (let i = 0; i < 15; i += 1) starts.push((await timed(bin, ['--help'])).seconds * 1000);
  starts.sort((a, b) => a - b);
  const bare = [];
  for (let i = 0; i < 5; i += 1) bare.push((await timed(process.execPath, ['-e', '0'])).seconds * 1000);
  bare.sort((a, b) => a - b);
  rows.push(['pcutil --help start-up', `${starts[7].toFixed(0)} ms median`, `min ${starts[0].toFixed(0)} ms`, '(goal ≤150 ms)', `bare node ${bare[2].toFixed(0)} ms`]);
} finally {
  await emulator.close();
  await rm(work, { recursive: true, force: true });
  await rm(serverDisk, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...rows.map((row) => row[column].length)));
console.log(`emulator data dir: ${serverDisk.startsWith('/dev/shm') ? 'tmpfs (/dev/shm)' : 'disk'}`);
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
