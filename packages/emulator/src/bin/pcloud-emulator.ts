/** Entry of the `pcloud-emulator` bin (bundled into dist/bin): Ctrl-C and SIGTERM stop it cleanly. */
import { run } from '../cli.js';

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: stop.signal });
