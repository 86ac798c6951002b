#!/usr/bin/env node
// First the Node.js check, which imports nothing: on an older Node the bundle fails while it is
// linked, with a stack that tells the user nothing.
import { checkNodeVersion } from '@pcloud/core/node-version';

if (checkNodeVersion('pcloud-playlist')) {
  // The compile cache keeps V8's compiled bundle between runs: start-up is mostly compiling it.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache();
  await import('../dist/bin/pcloud-playlist.js');
}
