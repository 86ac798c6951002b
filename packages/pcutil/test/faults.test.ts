import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';

const fx = useEmulator();

/** Every name below a folder, recursively. */
async function allNames(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    found.push(entry.name);
    if (entry.isDirectory()) found.push(...(await allNames(join(dir, entry.name))));
  }
  return found;
}

describe('faults and interruptions', () => {
  it('a recursive copy up and down under injected 5000/4000 answers and connection resets ends with every file verified', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-faults-'));
    for (let i = 0; i < 24; i += 1) {
      await mkdir(join(root, `tree/d${i % 4}`), { recursive: true });
      await writeFile(join(root, `tree/d${i % 4}/f${i}.bin`), Buffer.alloc(1000 + i * 777, i));
    }
    fx.emulator.faults.set({
      rules: [
        { methods: ['uploadfile'], failEvery: 4, failResult: 5000 },
        { methods: ['createfolderifnotexists'], failEvery: 3, failResult: 4000 },
        { methods: ['download'], resetResponseEvery: 3 },
        { methods: ['getfilelink'], failEvery: 5, failResult: 5000 },
      ],
    });
    const before = fx.emulator.faults.injected;
    try {
      const up = await pcutil(fx.emulator, ['cp', '-r', `${join(root, 'tree')}/`, 'p:/faults']);
      expect(up.code, up.stderr).toBe(0);
      const down = await pcutil(fx.emulator, ['cp', '-r', 'p:/faults/', join(root, 'back')]);
      expect(down.code, down.stderr).toBe(0);
    } finally {
      fx.emulator.faults.set({});
    }
    expect(fx.emulator.faults.injected - before).toBeGreaterThan(5);
    execFileSync('diff', ['-r', join(root, 'tree'), join(root, 'back')]);
    expect((await allNames(join(root, 'back'))).filter((name) => name.includes('pcloud-partial'))).toEqual([]);
  });

  it('an aborted download leaves no partial file and answers 130', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-abort-'));
    await fx.emulator.seedFile('/abort/big.bin', Buffer.alloc(24 * 1024 * 1024, 1));
    fx.emulator.faults.set({ rules: [{ methods: ['download'], latencyMs: 400 }] });
    const controller = new AbortController();
    const dest = join(root, 'dest');
    await mkdir(dest);
    // Abort as soon as the temporary file exists: the transfer is under way.
    const watcher = setInterval(() => {
      void readdir(dest).then((names) => {
        if (names.length > 0) controller.abort();
      });
    }, 5);
    try {
      const result = await pcutil(fx.emulator, ['cp', 'p:/abort/big.bin', dest], { signal: controller.signal });
      expect(controller.signal.aborted).toBe(true);
      expect(result.code).toBe(130);
    } finally {
      clearInterval(watcher);
      fx.emulator.faults.set({});
    }
    expect(await readdir(dest)).toEqual([]);
  });
});
