import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pcutilBin } from './support/bin-path.js';
import { useEmulator } from './support/emulator.js';

const fx = useEmulator();
let bin: string;
let home: string;

beforeAll(async () => {
  bin = await pcutilBin();
  home = await mkdtemp(join(tmpdir(), 'pcutil-binhome-'));
});

/** Spawns the real bin with the emulator in its environment. */
function spawnPcutil(args: string[], stdin?: Buffer): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, PCLOUD_ENDPOINT: fx.emulator.apiUrl, PCLOUD_ACCESS_TOKEN: fx.emulator.token },
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
    child.stdin.end(stdin);
  });
}

/** Spawns the real bin and closes its standard output after the first bytes, as `| head -c 1` does. */
function spawnIntoClosedPipe(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, PCLOUD_ENDPOINT: fx.emulator.apiUrl, PCLOUD_ACCESS_TOKEN: fx.emulator.token },
    });
    let err = '';
    child.stdout.once('data', () => child.stdout.destroy());
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr: err }));
    child.stdin.end();
  });
}

describe('the real pcutil bin', () => {
  it('ends quietly with status 0 when the reader of its output goes away', async () => {
    await fx.emulator.seedFile('/pipe/big.bin', Buffer.alloc(8 * 1024 * 1024, 1));
    for (let i = 0; i < 400; i++) await fx.emulator.seedFile(`/pipe/many/a-rather-long-file-name-to-fill-the-pipe-${i}.txt`, 'x');
    for (const args of [
      ['cat', 'p:/pipe/big.bin'],
      ['cp', 'p:/pipe/big.bin', '-'],
      ['ls', '-l', '-R', 'p:/pipe'],
    ]) {
      const result = await spawnIntoClosedPipe(args);
      expect({ args, ...result }).toEqual({ args, code: 0, signal: null, stderr: '' });
    }
  });

  it('teaches with --help and examples per command, and knows its version', async () => {
    const help = await spawnPcutil(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.toString()).toMatch(/pcutil cp <paths\.\.>/);
    // A token in authid= shows in the process list: the help says so and shows the safer way.
    const words = help.stdout.toString().replace(/\s+/g, ' ');
    expect(words).toContain('other users can read it in the process list');
    expect(words).toContain(
      'pcutil ls pcloud://api.pcloud.com/Backup with the token in PCLOUD_ACCESS_TOKEN (authid= would show in the process list)',
    );
    const cpHelp = await spawnPcutil(['cp', '--help']);
    expect(cpHelp.stdout.toString()).toContain('pcutil cp -r ~/Photos p:/Backup');
    const version = await spawnPcutil(['--version']);
    expect(version.stdout.toString().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('copies up and down, and pipes through standard input and output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcutil-bin-'));
    await writeFile(join(dir, 'a.txt'), 'via the bin\n');
    const up = await spawnPcutil(['cp', join(dir, 'a.txt'), 'p:/bin/a.txt']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toMatch(/^1 file\(s\) copied \(12 B\)/);
    const down = await spawnPcutil(['cp', 'p:/bin/a.txt', join(dir, 'b.txt')]);
    expect(down.code).toBe(0);
    expect(await readFile(join(dir, 'b.txt'), 'utf8')).toBe('via the bin\n');
    const data = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    expect((await spawnPcutil(['cp', '-', 'p:/bin/raw.bin'], data)).code).toBe(0);
    const cat = await spawnPcutil(['cat', 'p:/bin/raw.bin']);
    expect(cat.stdout.equals(data)).toBe(true);
  });

  it('answers a usage error with one line, a pointer to --help and exit 2', async () => {
    const result = await spawnPcutil(['cp', join(home, 'x'), join(home, 'y')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^pcutil: .*both local.*\nTry 'pcutil cp --help' for more information\.\n$/);
  });
});
