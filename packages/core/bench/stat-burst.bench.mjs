// Benchmark (not a test): a burst of `stat` calls over HTTPS against the emulator (`--tls`), as
// pCloud is reached: core's client (its HTTP transport, on got) next to a bare got instance and
// bare node:https, rounds alternating within one run so a loaded machine slows every row alike.
// Medians of the rounds are printed with each row's ratio to bare node:https.
// Run: `pnpm bench stat-burst` (needs `pnpm build`). Knobs: STAT_BURST_CALLS (6000),
// STAT_BURST_IN_FLIGHT (64), STAT_BURST_ROUNDS (3); STAT_BURST_OLD_CORE=<path to another build's
// dist/index.js> adds that build's client as one more row (e.g. main's, to compare a change).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createSecureContext, rootCertificates } from 'node:tls';
import got from 'got';
import { createClient } from '../dist/index.js';

const CALLS = Number(process.env.STAT_BURST_CALLS ?? 6000);
const IN_FLIGHT = Number(process.env.STAT_BURST_IN_FLIGHT ?? 64);
const ROUNDS = Number(process.env.STAT_BURST_ROUNDS ?? 3);
const OLD_CORE = process.env.STAT_BURST_OLD_CORE;

// The emulator runs in its own process, so client and server do not share one event loop.
const bin = new URL('../../emulator/bin/pcloud-emulator.js', import.meta.url).pathname;
const emulator = spawn(process.execPath, [bin, '--json', '--tls'], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => emulator.kill('SIGTERM'));
const [line] = await once(createInterface({ input: emulator.stdout }), 'line');
const info = JSON.parse(line);
const ca = readFileSync(info.caFile, 'utf8');
const secureContext = createSecureContext({ ca: [...rootCertificates, ca] });
const PATH = '/bench/probe.txt';
const HTTPS_ROW = 'bare node:https (keep-alive)';
const BODY = `path=${encodeURIComponent(PATH)}`;

/** Runs `count` tasks with at most IN_FLIGHT at once; resolves with the elapsed milliseconds. */
async function timed(count, task) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, worker));
  return performance.now() - started;
}

function check(text) {
  if (!text.includes('"result": 0') && !text.includes('"result":0')) throw new Error(`stat failed: ${text.slice(0, 200)}`);
}

/** Each contender: a name, a `stat` function and a `close`. */
async function clientRow(name, module) {
  const client = module.createClient({ endpoint: info.apiUrl, accessToken: info.token, ca, timeout: 10 });
  return { name, stat: () => client.call('stat', { path: PATH }), close: () => client.close() };
}

function gotRow() {
  const agent = new https.Agent({ keepAlive: true, secureContext });
  const instance = got.extend({
    prefixUrl: info.apiUrl,
    agent: { https: agent },
    retry: { limit: 0 },
    decompress: false,
    responseType: 'text',
    headers: { authorization: `Bearer ${info.token}`, 'content-type': 'application/x-www-form-urlencoded' },
  });
  return {
    name: 'bare got (keep-alive, retry 0, text)',
    stat: async () => check((await instance.post('stat', { body: BODY })).body),
    close: () => agent.destroy(),
  };
}

function httpsRow() {
  const agent = new https.Agent({ keepAlive: true, secureContext });
  const stat = () =>
    new Promise((resolve, reject) => {
      const request = https.request(
        `${info.apiUrl}/stat`,
        { agent, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${info.token}` } },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            try {
              resolve(check(Buffer.concat(chunks).toString('utf8')));
            } catch (error) {
              reject(error);
            }
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(BODY);
    });
  return { name: HTTPS_ROW, stat, close: () => agent.destroy() };
}

const setup = createClient({ endpoint: info.apiUrl, accessToken: info.token, ca });
await setup.call('createfolder', { path: '/bench' });
await setup.call(
  'uploadfile',
  { path: '/bench', filename: 'probe.txt' },
  { body: { kind: 'data', stream: Readable.from([Buffer.from('probe')]), length: 5 } },
);
await setup.close();

const rows = [await clientRow("core's client (this build)", { createClient }), gotRow(), httpsRow()];
if (OLD_CORE) rows.push(await clientRow(`core's client (${OLD_CORE})`, await import(OLD_CORE)));
const rates = new Map(rows.map((row) => [row.name, []]));
for (const row of rows) await timed(300, row.stat); // warm-up: connections, JIT
for (let round = 0; round < ROUNDS; round++) {
  // A different order each round, so no row always runs first (or right after another).
  const order = rows.map((_, i) => rows[(i + round) % rows.length]);
  for (const row of order) {
    const ms = await timed(CALLS, row.stat);
    rates.get(row.name).push((CALLS * 1000) / ms);
  }
}
for (const row of rows) await row.close();
emulator.kill('SIGTERM');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const base = median(rates.get(HTTPS_ROW));
console.log(
  `stat burst over HTTPS: ${CALLS} calls, ${IN_FLIGHT} in flight, median of ${ROUNDS} alternating rounds; ` +
    `${cpus().length} cores, load ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} at the end`,
);
console.table(
  Object.fromEntries(
    rows.map((row) => {
      const values = rates.get(row.name);
      const m = median(values);
      return [
        row.name,
        {
          'median calls/s': Math.round(m),
          rounds: values.map((v) => Math.round(v)).join(' '),
          '÷ node:https': `${(m / base).toFixed(2)}×`,
        },
      ];
    }),
  ),
);
