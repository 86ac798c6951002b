/**
 * The README's two example scripts, run as a user would (`node examples/….mjs`, importing the
 * built `@pcloud/core`) against the emulator over real sockets.
 */
import { execFile } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, listFolder, type PCloudClient } from '../../src/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

let emu: Emulator;
let client: PCloudClient;

async function example(name: string, args: string[], token = emu.token): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, PCLOUD_ENDPOINT: emu.apiUrl, PCLOUD_ACCESS_TOKEN: token };
  try {
    const { stdout, stderr } = await run(process.execPath, [join(examples, name), ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  emu = await createEmulator();
  client = createClient({ endpoint: emu.apiUrl, accessToken: emu.token });
});
afterAll(async () => {
  await client.close();
  await emu.close();
});

describe('examples/list-and-upload.mjs', () => {
  test('uploads the files into a new folder and lists it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.txt'), 'first file');
    writeFileSync(join(dir, 'two.txt'), 'the second file');
    const result = await example('list-and-upload.mjs', ['/Examples/up/here', join(dir, 'one.txt'), join(dir, 'two.txt')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`uploaded ${join(dir, 'one.txt')} (10 bytes)`);
    expect(result.stdout).toContain('two.txt\t15');
    const listing = await listFolder(client, { path: '/Examples/up/here' });
    expect(listing.contents.map((item) => item.name).sort()).toEqual(['one.txt', 'two.txt']);
  });

  test('a refused token fails with the reason and without the token', async () => {
    const token = 'not-a-real-token-0123456789';
    const file = join(tempDir(), 'x.txt');
    writeFileSync(file, 'x');
    const result = await example('list-and-upload.mjs', ['/Examples/refused', file], token);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^list-and-upload: .*\(auth\)\n$/);
    expect(result.stderr + result.stdout).not.toContain(token);
  });
});

describe('examples/walk-and-download.mjs', () => {
  test('downloads the tree, then only what changed', async () => {
    await emu.seedFile('/Examples/tree/a.txt', 'alpha');
    await emu.seedFile('/Examples/tree/sub/b.txt', 'bravo');
    await emu.seedFile('/Examples/tree/sub/deeper/c.txt', 'charlie');
    const local = join(tempDir(), 'mirror');

    const first = await example('walk-and-download.mjs', ['/Examples/tree', local]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('3 downloaded, 0 unchanged');
    expect(readFileSync(join(local, 'sub', 'deeper', 'c.txt'), 'utf8')).toBe('charlie');

    const second = await example('walk-and-download.mjs', ['/Examples/tree', local]);
    expect(second.stdout).toBe('0 downloaded, 3 unchanged\n');

    // A local file that differs from the remote one (here: its time) is fetched again, the rest are kept.
    utimesSync(join(local, 'a.txt'), new Date(0), new Date(0));
    const third = await example('walk-and-download.mjs', ['/Examples/tree', local]);
    expect(third.stdout).toBe('downloaded a.txt\n1 downloaded, 2 unchanged\n');
    expect(readFileSync(join(local, 'a.txt'), 'utf8')).toBe('alpha');
  });

  test('a missing folder fails with reason not-found', async () => {
    const result = await example('walk-and-download.mjs', ['/Examples/none', join(tempDir(), 'm')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\(not-found\)\n$/);
  });
});
