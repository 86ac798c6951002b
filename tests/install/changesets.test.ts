/** Every package has a changeset, and `changeset status` (what a release checks first) passes. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { cleanEnv, PACKAGES, repoRoot } from './support/pack-and-install.js';

const exec = promisify(execFile);

it('pnpm changeset status passes and releases every package', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pcloud-changesets-'));
  try {
    const output = join(dir, 'status.json');
    await exec('pnpm', ['exec', 'changeset', 'status', '--output', output], { cwd: repoRoot, env: cleanEnv() });
    const status = JSON.parse(await readFile(output, 'utf8')) as { releases: Array<{ name: string; type: string }> };
    expect(status.releases.map((release) => release.name).sort()).toEqual(PACKAGES.map((pkg) => `@pcloud/${pkg}`));
    expect(status.releases.every((release) => release.type !== 'none')).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
