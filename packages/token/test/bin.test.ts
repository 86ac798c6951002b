import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenBin } from './support/token-bin.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('the pcloud-token bin', () => {
  let bin: string;
  beforeAll(async () => {
    bin = await tokenBin();
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    const { stdout } = await run(process.execPath, [bin, '--version']);
    expect(stdout.trim()).toBe(version);
  });

  it('--help teaches every command and the original flags', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help']);
    for (const word of ['list', 'delete', 'login', 'logout', 'whoami', '--list', '--delete']) expect(stdout).toContain(word);
  });

  it('login --help says why a token belongs on standard input or in PCLOUD_ACCESS_TOKEN', async () => {
    const { stdout } = await run(process.execPath, [bin, 'login', '--help']);
    const words = stdout.replace(/\s+/g, ' ');
    expect(words).toContain('a token written on the command line can be read by other users in the process list');
    expect(words).toContain('pcloud-token login --token - < authid.txt');
    expect(words).toContain('PCLOUD_ACCESS_TOKEN=… pcloud-token whoami try a token from elsewhere without storing it');
  });

  it('an unknown option is a usage error: one line, a pointer to --help, exit 2', async () => {
    const home = await mkdtemp(join(tmpdir(), 'pcloud-token-home-'));
    const failure = await run(process.execPath, [bin, '-f', join(home, 'c.json'), 'list', '--bogus']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    const lines = (failure as { stderr: string }).stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/bogus/);
    expect(lines[1]).toMatch(/--help/);
  });
});
