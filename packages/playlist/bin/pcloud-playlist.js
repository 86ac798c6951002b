#!/usr/bin/env node
// The compile cache keeps V8's compiled bundle between runs: start-up is mostly compiling it.
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
await import('../dist/bin/pcloud-playlist.js');
