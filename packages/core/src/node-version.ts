/**
 * The Node.js check every bin shim runs before it loads anything else: on an older Node the bundle
 * fails while it is being linked (`node:module` has no `enableCompileCache` before 22.1), with a
 * SyntaxError and a stack that tell the user nothing. This module imports nothing and keeps to what
 * Node 18 can run, so the user gets one line naming the version needed instead.
 */

/** The oldest Node.js the toolkit runs on: every package's `engines` says `>=` this. */
export const MINIMUM_NODE = '22.12';

/** Whether a Node.js version (`20.20.2` or `v20.20.2`) is {@link MINIMUM_NODE} or newer. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [wantMajor = 0, wantMinor = 0] = MINIMUM_NODE.split('.').map(Number);
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/**
 * Answers true on a supported Node. Otherwise prints `<bin>: needs Node.js 22.12 or newer (this is
 * Node.js 20.20.2)` on stderr, sets the exit status to 1 and answers false: the shim then stops.
 */
export function checkNodeVersion(bin: string): boolean {
  if (isSupportedNode(process.versions.node)) return true;
  process.stderr.write(`${bin}: needs Node.js ${MINIMUM_NODE} or newer (this is Node.js ${process.versions.node})\n`);
  process.exitCode = 1;
  return false;
}
