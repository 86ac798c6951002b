// rclone beside pcutil: Debian's rclone (installed when missing), a remote `bench:` in a temporary
// config that points the pcloud backend at the emulator, and nothing else changed from its
// defaults. The backend builds every URL as "https://" + hostname (and "https://" + the download
// host getfilelink names), so it can only speak HTTPS to the emulator; `--ca-cert` makes it trust
// the emulator's throwaway CA. The token's zero expiry means "never expires": no refresh is tried.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureCommand } from './debian-package.mjs';

export const REMOTE = 'bench';

/** The installed rclone and its version line; throws when it is missing and cannot be installed. */
export function findRclone() {
  const bin = ensureCommand('rclone', 'rclone');
  const version = spawnSync(bin, ['version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim();
  if (!version) throw new Error(`${bin} version printed nothing: is it a working rclone?`);
  return { bin, version };
}

/**
 * Writes a config for `emulator` and checks rclone speaks TLS to it: listing must fail without the
 * CA (an unknown certificate) and succeed with it.
 * @param {{ bin: string }} rclone
 * @param {{ apiHost: string, token: string, caFile: string }} emulator
 * @param {{ work: string, name: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ argv: (args: string[]) => string[] }>} the command line with config and CA before `args`
 */
export async function configureRclone(rclone, emulator, { work, name, env }) {
  const config = join(work, `rclone-${name}.conf`);
  const token = JSON.stringify({ access_token: emulator.token, token_type: 'bearer', expiry: '0001-01-01T00:00:00Z' });
  await writeFile(config, `[${REMOTE}]\ntype = pcloud\nhostname = ${emulator.apiHost}\ntoken = ${token}\n`, { mode: 0o600 });
  const run = (args) => spawnSync(rclone.bin, ['--config', config, ...args], { encoding: 'utf8', env, cwd: work, timeout: 60_000 });
  const untrusted = run(['--low-level-retries', '1', '--retries', '1', 'lsf', `${REMOTE}:`]);
  if (untrusted.status === 0 || !/x509|certificate/i.test(untrusted.stderr)) {
    throw new Error(
      `rclone did not refuse the emulator's certificate without --ca-cert: is it really talking HTTPS? ${untrusted.stderr.trim().slice(-300)}`,
    );
  }
  const trusted = run(['--ca-cert', emulator.caFile, 'lsf', `${REMOTE}:`]);
  if (trusted.status !== 0) throw new Error(`rclone cannot list the emulator over HTTPS: ${trusted.stderr.trim().slice(-300)}`);
  return { argv: (args) => ['--config', config, '--ca-cert', emulator.caFile, ...args] };
}
