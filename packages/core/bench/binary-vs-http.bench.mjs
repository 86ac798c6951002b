// Benchmark (not a test): the binary transport next to the HTTP transport, in one run against one
// emulator (TLS on both, as pCloud serves them; BENCH_TLS=0 for plain): 10,000 `stat` calls and
// 1,000 small uploads, each with the same number of calls in flight. Needs the built dist (`pnpm build`).
// Run: `pnpm bench binary-vs-http` or `node packages/core/bench/binary-vs-http.bench.mjs`.
import { spawn } from 'node:child_process';
import nodeHttp from 'node:http';
import nodeHttps from 'node:https';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createClient } from '../dist/index.js';

const STATS = Number(process.env.BENCH_STATS ?? 10_000);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 1_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 64);
const UPLOAD_BYTES = 4096;

// The emulator runs in its own process, so client and server do not share one event loop.
const bin = new URL('../../emulator/bin/pcloud-emulator.js', import.meta.url).pathname;
const TLS = process.env.BENCH_TLS !== '0';
const emulator = spawn(process.execPath, [bin, '--json', ...(TLS ? ['--tls'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = await once(createInterface({ input: emulator.stdout }), 'line');
const info = JSON.parse(line);
const ca = TLS ? readFileSync(info.caFile, 'utf8') : undefined;

/** Runs `count` tasks with at most IN_FLIGHT at once; resolves with the elapsed milliseconds. */
async function timed(count, task) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, worker));
  return performance.now() - started;
}

const retries = { http: 0, binary: 0 };
let current = 'http';
function countRetries(line) {
  if (/ retry \d/.test(line)) retries[current]++;
}

function clientFor(transport) {
  // A generous timeout and the default retries: a loaded machine must slow the numbers down, not fail the run.
  return createClient({
    endpoint: info.apiUrl,
    accessToken: info.token,
    ca,
    transport,
    binaryPort: info.binaryPort,
    timeout: 10,
    logger: countRetries,
  });
}

const setup = clientFor('http');
await setup.call('createfolder', { path: '/bench' });
const payload = Buffer.alloc(UPLOAD_BYTES, 'bench data ');
await setup.call(
  'uploadfile',
  { path: '/bench', filename: 'probe.txt' },
  { body: { kind: 'data', stream: Readable.from([payload]), length: payload.length } },
);
await setup.close();

const rows = [];
for (const transport of ['http', 'binary']) {
  current = transport;
  const client = clientFor(transport);
  await timed(200, () => client.call('stat', { path: '/bench/probe.txt' })); // warm-up: connections, JIT
  const statMs = await timed(STATS, () => client.call('stat', { path: '/bench/probe.txt' }));
  const uploadMs = await timed(UPLOADS, (i) =>
    client.call(
      'uploadfile',
      { path: '/bench', filename: `${transport}-${i % 100}.txt`, nopartial: true },
      { body: { kind: 'data', stream: Readable.from([payload]), length: payload.length } },
    ),
  );
  await client.close();
  rows.push({ transport, statMs, uploadMs });
}
// Reference: the same stat burst through bare node:http(s) with keep-alive, no client library, to
// show what the emulator's HTTP front end itself can do next to the HTTP transport.
const agent = TLS ? new nodeHttps.Agent({ keepAlive: true, ca }) : new nodeHttp.Agent({ keepAlive: true });
const rawStat = () =>
  new Promise((resolve, reject) => {
    const request = (TLS ? nodeHttps : nodeHttp).request(
      `${info.apiUrl}/stat`,
      { agent, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${info.token}` } },
      (response) => response.resume().on('end', resolve).on('error', reject),
    );
    request.on('error', reject);
    request.end('path=%2Fbench%2Fprobe.txt');
  });
await timed(200, rawStat);
const rawStatMs = await timed(STATS, rawStat);
agent.destroy();
emulator.kill('SIGTERM');

const [http, binary] = rows;
const perSecond = (count, ms) => Math.round((count * 1000) / ms);
console.log(`binary vs HTTP transport, ${TLS ? 'TLS' : 'plain TCP'}, ${IN_FLIGHT} calls in flight, one emulator (pid ${emulator.pid})`);
console.table({
  [`stat × ${STATS}`]: {
    'http ms': Math.round(http.statMs),
    'binary ms': Math.round(binary.statMs),
    'http calls/s': perSecond(STATS, http.statMs),
    'binary calls/s': perSecond(STATS, binary.statMs),
    'binary speed-up': `${(http.statMs / binary.statMs).toFixed(2)}×`,
  },
  [`stat × ${STATS}, bare node:http${TLS ? 's' : ''} (reference)`]: {
    'http ms': Math.round(rawStatMs),
    'binary ms': Math.round(binary.statMs),
    'http calls/s': perSecond(STATS, rawStatMs),
    'binary calls/s': perSecond(STATS, binary.statMs),
    'binary speed-up': `${(rawStatMs / binary.statMs).toFixed(2)}×`,
  },
  [`upload 4 KiB × ${UPLOADS}`]: {
    'http ms': Math.round(http.uploadMs),
    'binary ms': Math.round(binary.uploadMs),
    'http calls/s': perSecond(UPLOADS, http.uploadMs),
    'binary calls/s': perSecond(UPLOADS, binary.uploadMs),
    'binary speed-up': `${(http.uploadMs / binary.uploadMs).toFixed(2)}×`,
  },
});
console.log(`retries after transient failures: http ${retries.http}, binary ${retries.binary}`);
console.log(
  `goals: stat speed-up ≥ 3× (${http.statMs / binary.statMs >= 3 ? 'met' : 'NOT met'}), uploads no slower (${binary.uploadMs <= http.uploadMs ? 'met' : 'NOT met'})`,
);
