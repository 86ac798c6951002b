import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const STORE_SOURCE = new URL('../../src/config/config-store.ts', import.meta.url).pathname;
const WRITERS = 4;
const KEYS_EACH = 8;

// Each writer waits for the "go" file so that all of them write at the same moment.
const CHILD = `
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openConfigStore } from ${JSON.stringify(STORE_SOURCE)};
const [file, name, count, go] = process.argv.slice(2);
while (!existsSync(go)) await sleep(5);
const store = await openConfigStore({ path: file });
for (let i = 0; i < Number(count); i++) {
  await store.save({ [name + '-' + i]: i });
  await store.save({ [name + '-' + i]: true }, 'section');
}
`;

/** Bundles the child once: real separate node processes, running the store's real code. */
async function bundleChild(dir: string): Promise<string> {
  const entry = join(dir, 'child-entry.mjs');
  const outfile = join(dir, 'child.mjs');
  writeFileSync(entry, CHILD);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

function runChild(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('concurrent writers', () => {
  it('lose no key when several processes save at once', async () => {
    const dir = tempDir();
    const file = join(dir, 'pcloud.json');
    writeFileSync(file, JSON.stringify({ username: 'keep@example.com', playlist: { dir: '/m' } }));
    const script = await bundleChild(dir);
    const go = join(dir, 'go');
    const names = Array.from({ length: WRITERS }, (_, i) => `w${i}`);
    const running = names.map((name) => runChild(script, [file, name, String(KEYS_EACH), go]));
    writeFileSync(go, '');
    const results = await Promise.all(running);
    expect(results.map((r) => r.stderr)).toEqual(names.map(() => ''));
    expect(results.map((r) => r.code)).toEqual(names.map(() => 0));

    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved.username).toBe('keep@example.com');
    expect(saved.playlist).toEqual({ dir: '/m' });
    for (const name of names) {
      for (let i = 0; i < KEYS_EACH; i++) {
        expect(saved[`${name}-${i}`]).toBe(i);
        expect((saved.section as Record<string, unknown>)[`${name}-${i}`]).toBe(true);
      }
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
