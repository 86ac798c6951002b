/** Entry of the `pcloud-playlist` bin (bundled into dist/bin): the process's argv and streams into `run`. */
import { runMain } from '@pcloud/core/cli';
import { run } from '../run.js';

await runMain(run);
