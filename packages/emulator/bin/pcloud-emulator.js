#!/usr/bin/env -S node --max-semi-space-size=1
// Small semi-spaces: upload chunks die in scavenges, not in a mark-compact every ~30 MiB (pnpm bench).
// First the Node.js check, which imports nothing: on an older Node the bundle fails while it is
// linked, with a stack that tells the user nothing.
import { checkNodeVersion } from '@pcloud/core/node-version';

if (checkNodeVersion('pcloud-emulator')) await import('../dist/bin/pcloud-emulator.js');
