#!/usr/bin/env -S node --max-semi-space-size=1
// Small young-generation pages keep a long copy near its working set instead of letting V8 grow
// the heap lazily (measured: 2,000 small uploads peak at ~145 MB instead of ~235 MB); at 1 MB the
// transfer buffers of a big file are collected sooner too (1 GiB up/down: ~95 MB peak RSS, against
// ~115 MB at 2 MB and ~145 MB at 8 MB, at the same speed).
// First the Node.js check, which imports nothing: on an older Node the bundle fails while it is
// linked, with a stack that tells the user nothing.
import { checkNodeVersion } from '@pcloud/core/node-version';

if (checkNodeVersion('pcutil')) {
  // The compile cache keeps V8's compiled bundle between runs: start-up is mostly compiling it.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache();
  await import('../dist/bin/pcutil.js');
}
