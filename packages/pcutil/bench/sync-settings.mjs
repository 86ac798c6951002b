// What one run of the sync bench measures, from the environment (shared names with the transfer
// bench where they mean the same):
//   PCUTIL_BENCH_RUNS        rounds of no-change and 1%-changed runs (default 3), after one first sync each
//   PCUTIL_BENCH_SYNC_FILES  files in the tree (default 10,000; PCUTIL_BENCH_QUICK=1: 1,000)
//   PCUTIL_BENCH_LATENCY     milliseconds the emulator waits before every answer (default 30)
//   PCUTIL_BENCH_SYNC_SEED   `copy`: rclone's folder is not synced up by rclone (minutes) but copied on the
//                            server from pcutil's (copyfolder keeps names, sizes and times, which is all
//                            rclone's default comparison reads); its first-sync row then shows no rclone
//                            time. For iterating on the re-sync rows; default `sync`

/**
 * @typedef {object} SyncBenchSettings
 * @property {number} runs
 * @property {number} files
 * @property {number} fileSize
 * @property {number} perFolder files in each folder
 * @property {number} latencyMs
 * @property {boolean} quick
 * @property {'sync' | 'copy'} seed how rclone's folder gets its first copy of the tree
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
    seed: seedOf(env),
  };
}

function seedOf(env) {
  const value = env.PCUTIL_BENCH_SYNC_SEED;
  if (value === undefined || value === '' || value === 'sync') return 'sync';
  if (value === 'copy') return 'copy';
  throw new Error(`PCUTIL_BENCH_SYNC_SEED must be sync or copy, not ${JSON.stringify(value)}`);
}

function positive(env, name, fallback) {
  if (env[name] === undefined || env[name] === '') return fallback;
  const value = Number(env[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(env[name])}`);
  return value;
}
