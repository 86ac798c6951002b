import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';

const fx = useEmulator();

describe('over the binary protocol', () => {
  it('copies a tree up and back down with --transport binary', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-bin-proto-'));
    await mkdir(join(root, 'tree/sub'), { recursive: true });
    await writeFile(join(root, 'tree/a.txt'), 'binary');
    await writeFile(join(root, 'tree/sub/ü.bin'), Buffer.alloc(100_000, 3));
    await writeFile(join(root, 'tree/empty'), '');
    const configFile = join(root, 'pcloud.json');
    await writeFile(configFile, JSON.stringify({ 'binary-api-port': fx.emulator.binaryPlainPort }), { mode: 0o600 });
    const common = ['-f', configFile, '--transport', 'binary'];
    const up = await pcutil(fx.emulator, [...common, 'cp', '-r', `${join(root, 'tree')}/`, 'p:/binproto']);
    expect(up.code, up.stderr).toBe(0);
    const down = await pcutil(fx.emulator, [...common, 'cp', '-r', 'p:/binproto/', join(root, 'back')]);
    expect(down.code, down.stderr).toBe(0);
    execFileSync('diff', ['-r', join(root, 'tree'), join(root, 'back')]);
    const removed = await pcutil(fx.emulator, [...common, 'rm', '-r', 'p:/binproto']);
    expect(removed.stdout).toBe('p:/binproto: 2 folder(s), 3 file(s) deleted.\n');
  });
});
