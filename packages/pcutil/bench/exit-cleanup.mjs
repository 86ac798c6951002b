// Last-resort clean-up for when the bench dies before its own (Ctrl-C, an uncaught error, a closed
// output pipe): on process exit, child servers are killed and scratch files removed, synchronously,
// so no emulator keeps running and no gigabyte stays behind on tmpfs.
const hooks = new Set();
process.on('exit', () => {
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // best effort: the other hooks still run
    }
  }
});

/** Runs `hook` (synchronous) if the process exits before the returned function is called. */
export function atExit(hook) {
  hooks.add(hook);
  return () => hooks.delete(hook);
}
