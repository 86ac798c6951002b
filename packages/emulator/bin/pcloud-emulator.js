#!/usr/bin/env node
// V8's default young generation: with 1 MB semi-spaces (tried to make upload chunks die young) the
// emulator ran ~71 mark-compacts per GiB received instead of ~41, and served 1 GiB over HTTPS
// ~10-15% slower to rclone and pcutil alike (`pnpm bench transfer`, interleaved).
// First the Node.js check, which imports nothing: on an older Node the bundle fails while it is
// linked, with a stack that tells the user nothing.
import { checkNodeVersion } from '@pcloud/core/node-version';

if (checkNodeVersion('pcloud-emulator')) await import('../dist/bin/pcloud-emulator.js');
