// Finds a command the bench needs and, when it is missing, installs its Debian package with apt-get
// (through sudo when not root). A bench that cannot get it stops with a clear one-line reason.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The absolute path of `command` (itself when absolute, else found on PATH), or undefined. */
export function whichCommand(command, path = process.env.PATH ?? '') {
  if (isAbsolute(command)) return existsSync(command) ? command : undefined;
  for (const dir of path.split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function aptGet(args) {
  const root = process.getuid?.() === 0;
  if (!root && !whichCommand('sudo')) return 'not root and no sudo to run apt-get with';
  const [file, argv] = root ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  const result = spawnSync(file, argv, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) return `${file}: ${result.error.message}`;
  if (result.status !== 0) return `${[file, ...argv].join(' ')} exited ${result.status}: ${result.stderr.trim().split('\n').pop()}`;
  return undefined;
}

/**
 * The path of `command`, installing Debian's `pkg` first when it is missing.
 * @returns {string}
 * @throws {Error} naming the command and why it could not be installed
 */
export function ensureCommand(command, pkg, log = console.log) {
  const found = whichCommand(command);
  if (found) return found;
  if (!whichCommand('apt-get'))
    throw new Error(`${command} is missing and this system has no apt-get: install ${pkg} and run the bench again`);
  log(`${command} is missing: installing Debian's ${pkg} with apt-get`);
  // An image with empty package lists needs an update first; try without it (fast) before.
  let problem = aptGet(['install', '-y', '--no-install-recommends', pkg]);
  if (problem) problem = aptGet(['update']) ?? aptGet(['install', '-y', '--no-install-recommends', pkg]);
  const installed = whichCommand(command);
  if (!installed)
    throw new Error(
      `${command} is missing and could not be installed (${problem ?? `${pkg} installed no ${command}`}): install ${pkg} and run the bench again`,
    );
  return installed;
}
