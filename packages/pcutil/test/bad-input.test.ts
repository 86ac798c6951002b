import { mkdir, mkdtemp, open, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';
import { localSnapshot, remoteSnapshot } from './support/snapshot.js';

let root: string;
const UNREADABLE = '/sys/bus/platform/uevent';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pcutil-bad-'));
  await mkdir(join(root, 'dir'));
  await writeFile(join(root, 'dir/f.txt'), 'f');
  await writeFile(join(root, 'back\\slash.txt'), 'b');
  // A file nobody may read, root included (root reads any mode-000 file): a write-only attribute
  // of the platform bus, which every Linux kernel registers. Checked here, so that the case below
  // can never pass on some other failure.
  await symlink(UNREADABLE, join(root, 'unreadable'));
  const refused = await open(UNREADABLE, 'r').then(
    async (handle) => {
      await handle.close();
      return 'it opened';
    },
    (error: NodeJS.ErrnoException) => error.code,
  );
  if (refused !== 'EACCES')
    throw new Error(`the unreadable-file case needs ${UNREADABLE} to refuse reading with EACCES (${refused}): is /sys mounted?`);
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
      [
        'both sides local',
        () => ['cp', join(root, 'dir/f.txt'), join(root, 'copy.txt')],
        2,
        /^pcutil: .*f\.txt and .*copy\.txt are both local; one side must be a pCloud location \(p:\/\.\.\.\)$/,
      ],
      ['a folder without -r', () => ['cp', join(root, 'dir'), 'p:/bad/'], 1, /^pcutil: .*dir is a folder; use -r to copy it$/],
      [
        'a recursive copy onto a file',
        () => ['cp', '-r', join(root, 'dir'), 'p:/bad/file.txt'],
        1,
        /^pcutil: cannot copy the folder .*dir onto the file p:\/bad\/file\.txt$/,
      ],
      [
        'a recursive copy of a file onto a file',
        () => ['cp', '-r', join(root, 'dir/f.txt'), 'p:/bad/file.txt'],
        1,
        /^pcutil: cannot copy recursively onto the file p:\/bad\/file\.txt; leave out -r to replace it$/,
      ],
      ['a destination name with a backslash', () => ['cp', join(root, 'dir/f.txt'), 'p:/bad/a\\b.txt'], 1, /backslash/],
      [
        'a local name pCloud refuses',
        () => ['cp', join(root, 'back\\slash.txt'), 'p:/bad/'],
        1,
        /^pcutil: p:\/bad\/back\\slash\.txt: pCloud refuses a backslash in the name "back\\slash\.txt"$/,
      ],
      ['a name over 1023 bytes', () => ['cp', join(root, 'dir/f.txt'), `p:/bad/${'n'.repeat(1024)}`], 1, /1024 bytes/],
      // Root passes the planning's access check and is refused when the file is opened; anyone else
      // is refused at planning. One exact line either way.
      [
        'an unreadable local file',
        () => ['cp', join(root, 'unreadable'), 'p:/bad/unreadable'],
        1,
        process.getuid?.() === 0
          ? /^pcutil: cp (\/\S*\/unreadable) p:\/bad\/unreadable: cannot read \1: permission denied$/
          : /^pcutil: \/\S*\/unreadable: permission denied$/,
      ],
      [
        '--json with the file going to standard output',
        () => ['cp', '--json', 'p:/bad/file.txt', '-'],
        2,
        /^pcutil: --json prints the summary on standard output, where DEST - sends the file; leave one of them out$/,
      ],
      [
        'a malformed location',
        () => ['cp', join(root, 'dir/f.txt'), 'p:relative'],
        1,
        /^pcutil: invalid location p:relative: a pCloud path after p: must be absolute$/,
      ],
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
