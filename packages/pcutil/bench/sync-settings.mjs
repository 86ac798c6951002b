// What one run of the sync bench measures, from the environment (shared names with the transfer
// bench where they mean the same):
//   PCUTIL_BENCH_RUNS        rounds of no-change and 1%-changed runs (default 3), after one first sync each
//   PCUTIL_BENCH_SYNC_FILES  files in the tree (default 10,000; PCUTIL_BENCH_QUICK=1: 1,000)
//   PCUTIL_BENCH_LATENCY     milliseconds the emulator waits before every answer (default 30)

/**
 * @typedef {object} SyncBenchSettings
 * @property {number} runs
 * @property {number} files
 * @property {number} fileSize
 * @property {number} perFolder files in each folder
 * @property {number} latencyMs
 * @property {boolean} quick
 */

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {SyncBenchSettings}
 * @throws {Error} naming the variable with a bad value
 */
export function readSyncBenchSettings(env) {
  const quick = env.PCUTIL_BENCH_QUICK === '1';
  return {
    runs: positive(env, 'PCUTIL_BENCH_RUNS', 3),
    files: positive(env, 'PCUTIL_BENCH_SYNC_FILES', quick ? 1000 : 10_000),
    fileSize: 4096,
    perFolder: 20,
    latencyMs: positive(env, 'PCUTIL_BENCH_LATENCY', 30),
    quick,
  };
}

function positive(env, name, fallback) {
  if (env[name] === undefined || env[name] === '') return fallback;
  const value = Number(env[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(env[name])}`);
  return value;
}
