// The bin is a shim: all the work is in run(argv, io), which tests call in-process.
import { runMain } from '@pcloud/core/cli';
import { run } from '../run.js';

await runMain(run);
