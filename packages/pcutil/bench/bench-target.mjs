// One emulator the rows run against (loopback, or with latency on every answer), with everything
// pointed at it: pcutil's environment, rclone's remote, the bench's own checking client.
import { createEmulatorApi } from './emulator-api.mjs';
import { launchEmulator } from './emulator-launcher.mjs';
import { checkedRun } from './measure-process.mjs';
import { configureRclone } from './rclone-setup.mjs';

/**
 * @param {{ work: string, name: string, latencyMs?: number, memoryOnly?: boolean, pcutilBin: string, rclone: { bin: string } }} options
 */
export async function createBenchTarget({ work, name, latencyMs, memoryOnly, pcutilBin, rclone }) {
  const emulator = await launchEmulator({ work, name, latencyMs, memoryOnly });
  try {
    // Only PATH and a scratch HOME: no config file, proxy or RCLONE_* setting of the user leaks in.
    const base = { PATH: process.env.PATH ?? '', HOME: work };
    const pcutilEnv = { ...base, PCLOUD_ENDPOINT: emulator.apiUrl, PCLOUD_ACCESS_TOKEN: emulator.token, PCLOUD_CA_FILE: emulator.caFile };
    const remote = await configureRclone(rclone, emulator, { work, name, env: base });
    const api = await createEmulatorApi(emulator);
    // A run that fails because the server died says so, not only "connection refused".
    const withDeath = async (result) => {
      const death = emulator.death();
      return result.failure && death ? { ...result, failure: `${result.failure}; ${death}` } : result;
    };
    return {
      name,
      emulator,
      api,
      /** Runs `pcutil args` against this emulator, then `check`. */
      pcutil: async (args, check) => withDeath(await checkedRun(pcutilBin, args, { env: pcutilEnv, cwd: work }, check)),
      /** Runs `rclone args` (config and CA in front) against this emulator, then `check`. */
      rclone: async (args, check) => withDeath(await checkedRun(rclone.bin, remote.argv(args), { env: base, cwd: work }, check)),
      close: async () => {
        api.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
