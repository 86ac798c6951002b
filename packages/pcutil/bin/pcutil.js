#!/usr/bin/env -S node --max-semi-space-size=1 --expose-gc
// A small young generation (1 MB semi-spaces) keeps a long copy near its working set instead of
// letting V8 grow the heap lazily, and collects a big file's transfer buffers sooner, at the same
// speed. --expose-gc lets a download collect its socket buffers every MiB (core's
// files/download/young-garbage.ts). V8's --optimize-for-size is set once copying starts
// (src/copy/compact-heap.ts), not here: as a flag it slowed every start-up.
// `pnpm bench` measures the peak memory these buy.
// First the Node.js check, which imports nothing: on an older Node the bundle fails while it is
// linked, with a stack that tells the user nothing.
import { checkNodeVersion } from '@pcloud/core/node-version';

if (checkNodeVersion('pcutil')) {
  // The compile cache keeps V8's compiled bundle between runs: start-up is mostly compiling it.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache();
  await import('../dist/bin/pcutil.js');
}
