#!/usr/bin/env node
// First the Node.js check, which imports nothing: on an older Node the bundle fails while it is
// linked, with a stack that tells the user nothing.
import { checkNodeVersion } from '@pcloud/core/node-version';

if (checkNodeVersion('pcloud-emulator')) await import('../dist/bin/pcloud-emulator.js');
