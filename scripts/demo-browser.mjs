#!/usr/bin/env node
// The demo's "person at the browser": opened through $BROWSER with the login page's address, it
// clicks Allow on the emulator's consent page and follows the redirect back to the tool.
import { readFileSync } from 'node:fs';
import { approveInBrowser } from '@pcloud/emulator';

const url = process.argv[2];
const ca = process.env.DEMO_CA_FILE ? readFileSync(process.env.DEMO_CA_FILE, 'utf8') : undefined;
await approveInBrowser(url, ca);
