/**
 * Every bin on a Node.js too old for it: one line naming the version it needs, exit status 1,
 * nothing else — run with a real old Node, the machine's own (the toolchain's Node 24 is put first
 * on PATH by scripts/bootstrap.sh; Debian's /usr/bin/node is 20 here). Needs `pnpm build` first.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINIMUM_NODE, isSupportedNode } from '@pcloud/core/node-version';
import { assertBuilt, BINS, repoRoot } from '../install/support/pack-and-install.js';

/** A Node.js older than the toolkit needs, found on PATH or where a system keeps its own. */
function findOldNode(): { path: string; version: string } {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin', '/bin'];
  for (const dir of new Set(dirs.filter(Boolean))) {
    const path = join(dir, 'node');
    if (!existsSync(path)) continue;
    const version = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    if (!isSupportedNode(version)) return { path, version };
  }
  throw new Error(`no Node.js older than ${MINIMUM_NODE} on this machine (expected the system's, /usr/bin/node) to run the bins with`);
}

function run(node: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(node, args, { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const shims = Object.entries(BINS).map(([pkg, bin]) => ({ bin, shim: join(repoRoot, 'packages', pkg, 'bin', `${bin}.js`) }));

describe('the bins on an old Node.js', () => {
  let old: { path: string; version: string };
  beforeAll(() => {
    assertBuilt();
    old = findOldNode();
  });

  it.each(shims)('$bin prints one line naming the Node.js it needs and exits 1', async ({ bin, shim }) => {
    const result = await run(old.path, [shim, '--version']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `${bin}: needs Node.js ${MINIMUM_NODE} or newer (this is Node.js ${old.version})\n`,
    });
  });

  it.each(shims)('$bin still starts on this Node.js', async ({ bin, shim }) => {
    const result = await run(process.execPath, [shim, '--version']);
    expect(result.code, `${bin}: ${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('the minimum Node.js', () => {
  it('is what every package declares in engines', () => {
    for (const pkg of [...Object.keys(BINS), 'core']) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages', pkg, 'package.json'), 'utf8')) as { engines?: { node?: string } };
      expect(manifest.engines?.node, pkg).toBe(`>=${MINIMUM_NODE}`);
    }
  });

  it('compares major and minor versions', () => {
    for (const version of ['22.12.0', 'v22.12.1', '22.13.0', '23.0.0', '24.22.3', '100.0.0'])
      expect(isSupportedNode(version), version).toBe(true);
    for (const version of ['22.11.9', 'v22.1.0', '20.20.2', '18.0.0', '8.17.0']) expect(isSupportedNode(version), version).toBe(false);
  });
});
