/**
 * Where `pcutil cp` puts things, row by row: up, down and on the server, DEST missing / an existing
 * folder / an existing file, with and without a trailing slash, `.` and `..` as sources, single
 * files into new parents. Every row starts from the same state and states the tree it adds.
 *
 * `original` records what the original pcutil.py (github.com/mpwillson/pcloud, commit a51e416) did
 * for the same command from the same state. It was run by hand with Python 3.12 against this
 * emulator (its binary protocol over TLS, the emulator's CA as SSL_CERT_FILE); the suite itself
 * does not need Python. 'same' means the same tree and the same exit status. Where the original
 * differs, it is because it is broken or writes outside DEST there, and the row follows rsync.
 */
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkTree, type FolderMetadata } from '@pcloud/core';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';

interface Row {
  /** The command after `pcutil`, run in the row's local folder (or `cwd` inside it). */
  cmd: string;
  cwd?: string;
  /** What the copy adds or changes: local paths relative to the row's folder, pCloud paths as p:/…; folders end in /. */
  adds: string[];
  /** The exit status (0 unless given). */
  exit?: number;
  original: string;
}

const NEW_TREE = (at: string): string[] => [`${at}/`, `${at}/a.txt`, `${at}/sub/`, `${at}/sub/b.txt`];
const BROKEN_BOTH_REMOTE = 'refused: "source and destination cannot be at same location"';

/** Local: tree/{a.txt,sub/b.txt}, existing/, file.txt, taken/x. pCloud: x/{a.txt,sub/b.txt}, existing/, file.txt, taken/{tree,x}. */
const ROWS: Array<[string, Row[]]> = [
  [
    'up',
    [
      { cmd: 'cp -r tree p:/new', adds: ['p:/new/', ...NEW_TREE('p:/new/tree')], original: 'same' },
      { cmd: 'cp -r tree p:/new/', adds: ['p:/new/', ...NEW_TREE('p:/new/tree')], original: 'same' },
      { cmd: 'cp -r tree p:/existing', adds: NEW_TREE('p:/existing/tree'), original: 'same' },
      {
        cmd: 'cp -r tree p:/file.txt',
        adds: [],
        exit: 1,
        original: 'exit 0: made a folder p:/file.txt/ beside the file and copied tree into it',
      },
      { cmd: 'cp -r tree p:/taken', adds: [], exit: 1, original: 'same: "invalid recursive destination: /taken/tree" (a file)' },
      { cmd: 'cp -r tree/ p:/new', adds: NEW_TREE('p:/new'), original: 'same' },
      { cmd: 'cp -r tree/ p:/existing', adds: NEW_TREE('p:/existing').slice(1), original: 'same' },
      { cmd: 'cp -r tree/ p:/file.txt', adds: [], exit: 1, original: 'same: "invalid recursive destination"' },
      { cmd: 'cp -r . p:/new', cwd: 'tree', adds: NEW_TREE('p:/new'), original: 'same' },
      { cmd: 'cp -r . p:/existing', cwd: 'tree', adds: NEW_TREE('p:/existing').slice(1), original: 'same' },
      {
        cmd: 'cp -r .. p:/new',
        cwd: 'tree/sub',
        adds: NEW_TREE('p:/new'),
        original: 'copied the contents into p:/, the parent of DEST (normpath of p:/new/..)',
      },
      { cmd: 'cp -r tree p:/a/b/new', adds: ['p:/a/', 'p:/a/b/', 'p:/a/b/new/', ...NEW_TREE('p:/a/b/new/tree')], original: 'same' },
      { cmd: 'cp tree/a.txt p:/a/b/name.txt', adds: ['p:/a/', 'p:/a/b/', 'p:/a/b/name.txt'], original: 'same' },
      {
        cmd: 'cp tree/a.txt p:/a/b/',
        adds: ['p:/a/', 'p:/a/b/', 'p:/a/b/a.txt'],
        original: 'exit 1 (2001, invalid name) after creating p:/a/b',
      },
      { cmd: 'cp tree/a.txt p:/existing', adds: ['p:/existing/a.txt'], original: 'same' },
      { cmd: 'cp tree/a.txt p:/file.txt', adds: ['p:/file.txt'], original: 'same' },
      { cmd: 'cp tree/a.txt p:/new', adds: ['p:/new'], original: 'same' },
      { cmd: 'cp -r tree/a.txt p:/new', adds: ['p:/new'], original: 'exit 0 but copied nothing: made empty folders p:/new/a.txt/' },
      {
        cmd: 'cp -r tree/a.txt p:/file.txt',
        adds: [],
        exit: 1,
        original: 'exit 0 but copied nothing: made an empty folder p:/file.txt/a.txt/',
      },
    ],
  ],
  [
    'down',
    [
      { cmd: 'cp -r p:/x dl', adds: ['dl/', ...NEW_TREE('dl/x')], original: 'same' },
      { cmd: 'cp -r p:/x dl/', adds: ['dl/', ...NEW_TREE('dl/x')], original: 'same' },
      { cmd: 'cp -r p:/x existing', adds: NEW_TREE('existing/x'), original: 'same' },
      { cmd: 'cp -r p:/x file.txt', adds: [], exit: 1, original: 'same (a Python traceback)' },
      { cmd: 'cp -r p:/x taken', adds: [], exit: 1, original: 'same: "invalid recursive destination: taken/x" (a file)' },
      { cmd: 'cp -r p:/x/ dl', adds: NEW_TREE('dl'), original: 'same' },
      { cmd: 'cp -r p:/x/ existing', adds: NEW_TREE('existing').slice(1), original: 'same' },
      { cmd: 'cp -r p:/x/ file.txt', adds: [], exit: 1, original: 'same: "invalid recursive destination"' },
      { cmd: 'cp -r p:/x a/b/dl', adds: ['a/', 'a/b/', 'a/b/dl/', ...NEW_TREE('a/b/dl/x')], original: 'same' },
      { cmd: 'cp -r p:/x/. dl', adds: NEW_TREE('dl'), original: 'same' },
      { cmd: 'cp -r p:/x/. existing', adds: NEW_TREE('existing').slice(1), original: 'same' },
      {
        cmd: 'cp -r p:/x/sub/.. existing',
        adds: NEW_TREE('existing').slice(1),
        original: 'copied the contents into the working directory, the parent of DEST',
      },
      { cmd: 'cp -r p:/x/sub/.. dl', adds: NEW_TREE('dl'), original: 'copied the contents into the working directory, the parent of DEST' },
      { cmd: 'cp -r p:/x .', cwd: 'existing', adds: NEW_TREE('existing/x'), original: 'same' },
      { cmd: 'cp p:/x/a.txt a/b/name.txt', adds: ['a/', 'a/b/', 'a/b/name.txt'], original: 'same' },
      { cmd: 'cp p:/x/a.txt a/b/', adds: ['a/', 'a/b/', 'a/b/a.txt'], original: 'exit 1 ("Is a directory") after creating a/b' },
      { cmd: 'cp p:/x/a.txt existing', adds: ['existing/a.txt'], original: 'same' },
      { cmd: 'cp p:/x/a.txt file.txt', adds: ['file.txt'], original: 'same' },
      { cmd: 'cp p:/x/a.txt dl', adds: ['dl'], original: 'same' },
      { cmd: 'cp -r p:/x/a.txt dl', adds: ['dl'], original: 'exit 1 (2005, it listed the file id as a folder)' },
    ],
  ],
  [
    'server-side',
    [
      { cmd: 'cp -r p:/x p:/new', adds: ['p:/new/', ...NEW_TREE('p:/new/x')], original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp -r p:/x p:/existing', adds: NEW_TREE('p:/existing/x'), original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp -r p:/x p:/file.txt', adds: [], exit: 1, original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp -r p:/x p:/taken', adds: [], exit: 1, original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp -r p:/x/ p:/new', adds: NEW_TREE('p:/new'), original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp -r p:/x/ p:/existing', adds: NEW_TREE('p:/existing').slice(1), original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp -r p:/x/ p:/file.txt', adds: [], exit: 1, original: BROKEN_BOTH_REMOTE },
      {
        cmd: 'cp -r p:/x p:/a/b/new',
        adds: ['p:/a/', 'p:/a/b/', 'p:/a/b/new/', ...NEW_TREE('p:/a/b/new/x')],
        original: BROKEN_BOTH_REMOTE,
      },
      { cmd: 'cp p:/x/a.txt p:/a/b/name.txt', adds: ['p:/a/', 'p:/a/b/', 'p:/a/b/name.txt'], original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp p:/x/a.txt p:/existing', adds: ['p:/existing/a.txt'], original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp p:/x/a.txt p:/file.txt', adds: ['p:/file.txt'], original: BROKEN_BOTH_REMOTE },
      { cmd: 'cp p:/x/a.txt p:/new', adds: ['p:/new'], original: BROKEN_BOTH_REMOTE },
    ],
  ],
];

/** Every item under a local folder: `rel/` for folders, `rel=content` for files. */
async function localItems(root: string, rel = ''): Promise<string[]> {
  const items: string[] = [];
  for (const name of await readdir(join(root, rel))) {
    const path = join(rel, name);
    if ((await stat(join(root, path))).isDirectory()) items.push(`${path}/`, ...(await localItems(root, path)));
    else items.push(`${path}=${await readFile(join(root, path), 'utf8')}`);
  }
  return items;
}

/** Every item under a pCloud folder, as `p:/rel/` or `p:/rel=hash`. */
function remoteItems(folder: FolderMetadata, rel = ''): string[] {
  return (folder.contents ?? []).flatMap((item) =>
    item.isfolder ? [`p:${rel}/${item.name}/`, ...remoteItems(item, `${rel}/${item.name}`)] : [`p:${rel}/${item.name}=${item.hash}`],
  );
}

describe("cp places things by the original rule (rsync's for folders)", () => {
  const fx = useEmulator();
  let rowNumber = 0;

  async function setUpRow(): Promise<{ dir: string; prefix: string }> {
    const prefix = `/rules${++rowNumber}`;
    const dir = await mkdtemp(join(tmpdir(), 'pcutil-rules-'));
    await mkdir(join(dir, 'tree/sub'), { recursive: true });
    await mkdir(join(dir, 'existing'));
    await mkdir(join(dir, 'taken'));
    await writeFile(join(dir, 'tree/a.txt'), 'local a');
    await writeFile(join(dir, 'tree/sub/b.txt'), 'local b');
    await writeFile(join(dir, 'file.txt'), 'local file');
    await writeFile(join(dir, 'taken/x'), 'a file named x');
    await fx.emulator.seedFile(`${prefix}/x/a.txt`, 'remote a');
    await fx.emulator.seedFile(`${prefix}/x/sub/b.txt`, 'remote b');
    fx.emulator.seedFolder(`${prefix}/existing`);
    await fx.emulator.seedFile(`${prefix}/file.txt`, 'remote file');
    await fx.emulator.seedFile(`${prefix}/taken/tree`, 'a file named tree');
    await fx.emulator.seedFile(`${prefix}/taken/x`, 'a file named x');
    return { dir, prefix };
  }

  const everything = async (dir: string, prefix: string): Promise<string[]> => [
    ...(await localItems(dir)),
    ...remoteItems((await walkTree(fx.client, { path: prefix })).root),
  ];

  it('the help example holds whether or not p:/Backup exists, and a second run gives the same tree', async () => {
    const help = await pcutil(fx.emulator, ['cp', '--help']);
    expect(help.stdout).toMatch(
      /pcutil cp -r ~\/Photos p:\/Backup\s+upload a folder: makes p:\/Backup\/Photos,\s+creating p:\/Backup if missing/,
    );
    const home = await mkdtemp(join(tmpdir(), 'pcutil-rules-home-'));
    await mkdir(join(home, 'Photos/2026'), { recursive: true });
    await writeFile(join(home, 'Photos/2026/beach.jpg'), 'jpeg');
    const tree = async (): Promise<string[]> => remoteItems((await walkTree(fx.client, { path: '/Backup' })).root);
    for (let run = 1; run <= 2; run++) {
      const result = await pcutil(fx.emulator, ['cp', '-r', '~/Photos', 'p:/Backup'], { env: { HOME: home } });
      expect(result.code, result.stderr).toBe(0);
      expect((await tree()).map((item) => item.replace(/=.*$/s, ''))).toEqual([
        'p:/Photos/',
        'p:/Photos/2026/',
        'p:/Photos/2026/beach.jpg',
      ]);
    }
  });

  describe.each(ROWS)('%s', (_direction, rows) => {
    it.each(rows)('$cmd', async (row) => {
      const { dir, prefix } = await setUpRow();
      const before = await everything(dir, prefix);
      const args = row.cmd.split(' ').map((arg) => (arg.startsWith('p:/') ? `p:${prefix}${arg.slice(2)}` : arg));
      const result = await pcutil(fx.emulator, args, { cwd: join(dir, row.cwd ?? '') });
      expect(result.code, result.stderr).toBe(row.exit ?? 0);
      const added = (await everything(dir, prefix)).filter((item) => !before.includes(item)).map((item) => item.replace(/=.*$/s, ''));
      expect(added.sort()).toEqual([...row.adds].sort());
    });
  });
});
