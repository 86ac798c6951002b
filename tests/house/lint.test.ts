/**
 * The whole tree passes Biome's lint and format check (biome.jsonc), so the README's test command,
 * and with it CI, fails on a lint finding or an unformatted file. A second case proves the check
 * bites: a badly formatted, lint-failing file in a scratch copy of the config is refused.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const biome = join(root, 'node_modules', '.bin', 'biome');

function check(cwd: string, args: string[] = []): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(biome, ['check', '--colors=off', ...args], { cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, output: `${stdout}${stderr}` });
    });
  });
}

describe('biome check', () => {
  it('finds nothing in the repository', async () => {
    const { code, output } = await check(root, ['.']);
    expect(output.includes('No fixes applied') || output.includes('Checked'), output).toBe(true);
    expect(code, output).toBe(0);
  });

  it('refuses an unformatted file with a lint finding', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcloud-lint-'));
    try {
      // The same rules outside any git checkout: only the vcs section cannot come along.
      const config = (await readFile(join(root, 'biome.jsonc'), 'utf8')).replace('"vcs": { "enabled": true', '"vcs": { "enabled": false');
      await writeFile(join(dir, 'biome.jsonc'), config);
      await writeFile(join(dir, 'bad.ts'), 'export const x  = (a: any) => { if (a = 1) return a };\n');
      const { code, output } = await check(dir, ['--config-path', dir, 'bad.ts']);
      expect(code).not.toBe(0);
      expect(output).toContain('lint/suspicious/noAssignInExpressions');
      expect(output).toMatch(/bad\.ts format/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
