/**
 * `pnpm bench WORD` runs the bench files whose path inside the repository contains WORD, whatever
 * folder the repository is checked out in: a checkout named after a bench (a worktree
 * `wt-pcutil-sync`, say) must not make `pnpm bench sync` run every bench.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
let scratch = '';
afterAll(() => (scratch ? rm(scratch, { recursive: true, force: true }) : undefined));

describe('pnpm bench WORD', () => {
  it('picks bench files by their path inside the checkout, not by the checkout folder', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'pcloud-bench-sync-'));
    await mkdir(join(scratch, 'scripts'));
    await copyFile(join(root, 'scripts', 'bench.mjs'), join(scratch, 'scripts', 'bench.mjs'));
    for (const name of ['sync', 'transfer']) {
      await mkdir(join(scratch, 'packages', 'tool', 'bench'), { recursive: true });
      await writeFile(join(scratch, 'packages', 'tool', 'bench', `${name}.bench.mjs`), `console.log('${name} ran');\n`);
    }
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [join(scratch, 'scripts', 'bench.mjs'), 'sync'], { timeout: 30_000 }, (error, out) =>
        error ? reject(error) : resolve(out),
      );
    });
    expect(stdout).toContain('sync ran');
    expect(stdout).not.toContain('transfer ran');
  });
});
