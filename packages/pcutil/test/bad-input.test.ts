import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';
import { localSnapshot, remoteSnapshot } from './support/snapshot.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pcutil-bad-'));
  await mkdir(join(root, 'dir'));
  await writeFile(join(root, 'dir/f.txt'), 'f');
  await writeFile(join(root, 'back\\slash.txt'), 'b');
  // Root reads any mode-000 file, so as root use a sysfs attribute the kernel refuses to read.
  if (process.getuid?.() === 0) await symlink('/sys/bus/pci/rescan', join(root, 'unreadable'));
  else await writeFile(join(root, 'unreadable'), 'secret', { mode: 0o000 });
});

describe.each(RUNNERS)('through %s', (_runner, pcutil) => {
  // Each way gets its own emulator: the scenarios start from an empty account.
  const fx = useEmulator();
  beforeAll(async () => {
    await fx.emulator.seedFile('/bad/file.txt', 'x');
  });

  describe('bad input: one clear line, the documented exit code, nothing changed', () => {
    const cases: Array<[string, () => string[], number, RegExp]> = [
      ['a missing source', () => ['cp', join(root, 'nope.txt'), 'p:/bad/'], 1, /^pcutil: \/.*\/nope\.txt: no such file or folder$/],
      ['both sides local', () => ['cp', join(root, 'dir/f.txt'), join(root, 'copy.txt')], 2, /^pcutil: .*f\.txt and .*copy\.txt are both local; one side must be a pCloud location \(p:\/\.\.\.\)$/],
      ['a folder without -r', () => ['cp', join(root, 'dir'), 'p:/bad/'], 1, /^pcutil: .*dir is a folder; use -r to copy it$/],
      ['a recursive copy onto a file', () => ['cp', '-r', join(root, 'dir'), 'p:/bad/file.txt'], 1, /^pcutil: cannot copy the folder .*dir onto the file p:\/bad\/file\.txt$/],
      ['a recursive copy of a file onto a file', () => ['cp', '-r', join(root, 'dir/f.txt'), 'p:/bad/file.txt'], 1, /^pcutil: cannot copy recursively onto the file p:\/bad\/file\.txt; leave out -r to replace it$/],
      ['a destination name with a backslash', () => ['cp', join(root, 'dir/f.txt'), 'p:/bad/a\\b.txt'], 1, /backslash/],
      ['a local name pCloud refuses', () => ['cp', join(root, 'back\\slash.txt'), 'p:/bad/'], 1, /^pcutil: p:\/bad\/back\\slash\.txt: pCloud refuses a backslash in the name "back\\slash\.txt"$/],
      ['a name over 1023 bytes', () => ['cp', join(root, 'dir/f.txt'), `p:/bad/${'n'.repeat(1024)}`], 1, /1024 bytes/],
      // Found at planning time (mode 000) or only when read (a sysfs file as root): one line either way.
      ['an unreadable local file', () => ['cp', join(root, 'unreadable'), 'p:/bad/unreadable'], 1, /^pcutil: (cp )?\/\S*unreadable( p:\/bad\/unreadable)?: /],
      ['--json with the file going to standard output', () => ['cp', '--json', 'p:/bad/file.txt', '-'], 2, /^pcutil: --json prints the summary on standard output, where DEST - sends the file; leave one of them out$/],
      ['a malformed location', () => ['cp', join(root, 'dir/f.txt'), 'p:relative'], 1, /^pcutil: invalid location p:relative: a pCloud path after p: must be absolute$/],
      ['rm of the root', () => ['rm', '-r', 'p:/'], 1, /^pcutil: refusing to remove the pCloud root folder \(p:\/\)$/],
      ['rm of a missing path', () => ['rm', 'p:/bad/none'], 1, /^pcutil: p:\/bad\/none: no such file or folder$/],
      ['cat of a folder', () => ['cat', 'p:/bad'], 1, /^pcutil: p:\/bad: is a folder$/],
      ['cp with one argument', () => ['cp', 'p:/bad/file.txt'], 2, /^pcutil: cp needs a SOURCE and a DEST$/],
    ];

    it.each(cases)('%s', async (_name, args, code, line) => {
      const localBefore = await localSnapshot(root);
      const remoteBefore = await remoteSnapshot(fx.client);
      const result = await pcutil(fx.emulator, args());
      expect(result.code).toBe(code);
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toMatch(line);
      const detail = lines.slice(1).filter((l) => !/^(Try '|hint: )/.test(l));
      expect(detail).toEqual([]);
      expect(await localSnapshot(root)).toEqual(localBefore);
      expect(await remoteSnapshot(fx.client)).toEqual(remoteBefore);
    });
  });
});
