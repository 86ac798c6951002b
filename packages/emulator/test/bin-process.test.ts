import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from './support/api-call.js';

const packageDir = new URL('..', import.meta.url).pathname;

describe('the pcloud-emulator bin as a process', () => {
  let dir: string;
  let bin: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pcloud-emulator-bin-'));
    bin = join(dir, 'pcloud-emulator.js');
    // Bundle the bin entry from source the way scripts/bundle-bins.mjs does, so the test never runs a stale dist.
    await build({
      entryPoints: [join(packageDir, 'src/bin/pcloud-emulator.ts')],
      outfile: bin,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      conditions: ['@pcloud/source'],
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as __pcloudCreateRequire } from 'node:module'; const require = __pcloudCreateRequire(import.meta.url);",
      },
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the shim checks the Node.js version, then imports the bundled bin', async () => {
    const shim = await readFile(join(packageDir, 'bin/pcloud-emulator.js'), 'utf8');
    expect(shim.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(shim.split('\n').filter((line) => line !== '' && !line.startsWith('#!') && !line.startsWith('//'))).toEqual([
      "import { checkNodeVersion } from '@pcloud/core/node-version';",
      "if (checkNodeVersion('pcloud-emulator')) await import('../dist/bin/pcloud-emulator.js');",
    ]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('prints one JSON line, serves, and exits 0 on %s', async (signal) => {
    const child = spawn(process.execPath, [bin, '--json', '--tls'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const reader = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      reader.once('line', resolve);
      child.once('exit', () => reject(new Error(`exited before printing: ${stderr}`)));
    });
    reader.on('line', (line) => lines.push(line));
    const started = JSON.parse(first) as { apiUrl: string; token: string; caFile: string };
    const ca = await readFile(started.caFile, 'utf8');
    expect(await apiCall(started.apiUrl, 'userinfo', {}, { bearer: started.token, ca })).toMatchObject({ result: 0 });
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(lines).toEqual([]);
    expect(stderr).toBe('');
    await expect(apiCall(started.apiUrl, 'userinfo', {}, { ca })).rejects.toThrow(/ECONNREFUSED/);
  });
});
