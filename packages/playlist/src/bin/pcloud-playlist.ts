// The bin is a shim: all the work is in run(argv, io), which tests call in-process.
import { runMain } from '@pcloud/core/cli';
import { run } from '../cli/playlist-tool.js';

await runMain(run);
