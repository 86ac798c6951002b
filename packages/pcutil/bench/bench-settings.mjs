// What one run of the transfer bench measures, from the environment (`pnpm bench`'s only argument
// picks bench files, so variables carry the choices within this one):
//   PCUTIL_BENCH_ROWS     comma-separated row ids (default: all, in the order of ROW_IDS)
//   PCUTIL_BENCH_QUICK=1  a quick pass: 64 MiB instead of 1 GiB, 200 small files instead of 2,000
//   PCUTIL_BENCH_RUNS     timed rounds per transfer row (default 3); start-up rows take 5 times as many
//   PCUTIL_BENCH_BYTES    size of the big file; PCUTIL_BENCH_FILES: number of small files
//   PCUTIL_BENCH_LATENCY  milliseconds the latency emulator waits before every answer (default 30)

export const ROW_IDS = ['help', 'ls', 'big-up', 'big-down', 'small-up', 'small-down', 'latency-up', 'latency-down'];

/**
 * @typedef {object} BenchSettings
 * @property {string[]} rows
 * @property {boolean} quick
 * @property {number} runs
 * @property {number} startupRuns
 * @property {number} bigBytes
 * @property {number} smallCount
 * @property {number} smallSize
 * @property {number} latencyMs
 */

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {BenchSettings}
 * @throws {Error} naming the variable with a bad value
 */
export function readBenchSettings(env) {
  const quick = env.PCUTIL_BENCH_QUICK === '1';
  const rows = env.PCUTIL_BENCH_ROWS ? env.PCUTIL_BENCH_ROWS.split(',').map((id) => id.trim()) : ROW_IDS;
  const unknown = rows.filter((id) => !ROW_IDS.includes(id));
  if (unknown.length > 0) throw new Error(`PCUTIL_BENCH_ROWS: unknown row ${unknown.join(', ')} (rows: ${ROW_IDS.join(', ')})`);
  const runs = positive(env, 'PCUTIL_BENCH_RUNS', 3);
  return {
    rows: ROW_IDS.filter((id) => rows.includes(id)),
    quick,
    runs,
    startupRuns: runs * 5,
    bigBytes: positive(env, 'PCUTIL_BENCH_BYTES', quick ? 64 * 1024 ** 2 : 1024 ** 3),
    smallCount: positive(env, 'PCUTIL_BENCH_FILES', quick ? 200 : 2000),
    smallSize: 4096,
    latencyMs: positive(env, 'PCUTIL_BENCH_LATENCY', 30),
  };
}

function positive(env, name, fallback) {
  if (env[name] === undefined || env[name] === '') return fallback;
  const value = Number(env[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(env[name])}`);
  return value;
}
