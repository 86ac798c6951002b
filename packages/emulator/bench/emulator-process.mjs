// Child process of the throughput benchmark: runs a disk-backed emulator from the built dist and
// prints one JSON line with its URLs, so the parent can measure this process's memory alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../dist/index.js';

// argv[2]: where to make the data dir (default: the OS temp dir).
const dataDir = mkdtempSync(join(process.argv[2] ?? tmpdir(), 'pcloud-emu-bench-'));
const emulator = await createEmulator({ dataDir });
process.stdout.write(`${JSON.stringify({ apiUrl: emulator.apiUrl, downloadHost: emulator.downloadHost, token: emulator.token })}\n`);
process.on('SIGTERM', async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
