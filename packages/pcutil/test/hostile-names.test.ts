import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@pcloud/emulator';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';
import { localSnapshot, remoteSnapshot } from './support/snapshot.js';
import { tamperName } from './support/tamper.js';

/** A name that recolours a terminal: legal on disk, so it is copied, but never printed raw. */
const ESCAPE_NAME = '\u001b[31mred\u001b[0m.txt';
/** Control characters other than the newline that ends each line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** Names a server may send but pCloud never makes; each must be refused, never written. */
const UNSAFE_FILES = ['../x', 'a/b', '..', '.', '', 'nul\u0000name', 'back\\slash'];
const UNSAFE_FOLDERS = ['..', '../../up'];
const REFUSED = UNSAFE_FILES.length + UNSAFE_FOLDERS.length;

/** p:/evil: good files beside files and folders whose names a tampered server sends. */
async function seedHostileTree(emulator: Emulator): Promise<void> {
  await emulator.seedFile('/evil/good.txt', 'good');
  await emulator.seedFile('/evil/sub/inner.txt', 'inner');
  await emulator.seedFile(`/evil/${ESCAPE_NAME}`, 'escape');
  for (const [index, name] of UNSAFE_FILES.entries()) {
    tamperName(emulator, 'file', await emulator.seedFile(`/evil/unsafe-file-${index}`, `pwned ${index}`), name);
  }
  for (const [index, name] of UNSAFE_FOLDERS.entries()) {
    await emulator.seedFile(`/evil/unsafe-folder-${index}/pwned.txt`, 'pwned');
    tamperName(emulator, 'folder', emulator.seedFolder(`/evil/unsafe-folder-${index}`), name);
  }
}

/** What arrives when only the safe names are copied, relative to the copy of p:/evil. */
const SAFE_TREE = ['evil d', 'evil/good.txt f', 'evil/sub d', 'evil/sub/inner.txt f', `evil/${ESCAPE_NAME} f`];

/** Path, kind: enough to see what landed where. */
const shapeOf = async (root: string): Promise<string[]> =>
  (await localSnapshot(root)).map((line) => line.split(' ').slice(0, 2).join(' ')).sort();

describe.each(RUNNERS)('names from a tampered server, through %s', (_runner, pcutil) => {
  const fx = useEmulator();
  beforeAll(async () => seedHostileTree(fx.emulator));

  it('cp -r down refuses every unsafe name, writes nothing outside DEST, copies the rest, exit 1', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-hostile-'));
    // DEST sits deep inside root, so that an escape of one or two levels would still show in root.
    const dest = join(root, 'one/two/dest');
    const result = await pcutil(fx.emulator, ['-v', 'cp', '-r', 'p:/evil', dest]);
    expect(result.code, result.stderr).toBe(1);
    expect(await shapeOf(root)).toEqual(
      ['one d', 'one/two d', 'one/two/dest d', ...SAFE_TREE.map((line) => `one/two/dest/${line}`)].sort(),
    );
    expect(await readFile(join(dest, 'evil', ESCAPE_NAME), 'utf8')).toBe('escape');
    const refusals = result.stderr.split('\n').filter((line) => line.includes('pCloud sent an unsafe name'));
    expect(refusals).toHaveLength(REFUSED);
    for (const reason of [
      'a slash in the name',
      'the name ".."',
      'the name "."',
      'an empty name',
      'a NUL character in the name',
      'a backslash in the name',
    ]) {
      expect(
        refusals.some((line) => line.includes(reason)),
        reason,
      ).toBe(true);
    }
    expect(refusals).toContain('pcutil: p:/evil/nul\\x00name: not copied: pCloud sent an unsafe name (a NUL character in the name)');
    // The legal but hostile name is copied and shown escaped; nothing printed holds a raw control character.
    expect(result.stderr).toContain(`cp p:/evil/\\x1b[31mred\\x1b[0m.txt ${dest}/evil/\\x1b[31mred\\x1b[0m.txt`);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toMatch(new RegExp(`3 file\\(s\\) copied .*; ${REFUSED} failed\\.\\n$`));
  });
});

describe('names from a tampered server', () => {
  const fx = useEmulator();
  beforeAll(async () => seedHostileTree(fx.emulator));
  const { pcutil } = { pcutil: RUNNERS[0][1] };

  it('--json names each refused item in the summary; the dry run plans none of them', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-hostile-json-'));
    const dest = join(root, 'dest');
    const planned = await pcutil(fx.emulator, ['cp', '-d', '-r', 'p:/evil/', dest]);
    expect(planned.code).toBe(1);
    expect(
      planned.stdout
        .split('\n')
        .filter((line) => line.startsWith('cp '))
        .sort(),
    ).toEqual(
      [
        `cp p:/evil/good.txt ${dest}/good.txt`,
        `cp p:/evil/sub/inner.txt ${dest}/sub/inner.txt`,
        `cp p:/evil/\\x1b[31mred\\x1b[0m.txt ${dest}/\\x1b[31mred\\x1b[0m.txt`,
      ].sort(),
    );
    expect(planned.stdout + planned.stderr).not.toMatch(RAW_CONTROL);
    expect(await localSnapshot(root)).toEqual([]);
    const result = await pcutil(fx.emulator, ['cp', '--json', '-r', 'p:/evil/', dest]);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { files: number; failed: number; errors: string[] };
    expect(summary).toMatchObject({ files: 3, failed: REFUSED });
    expect(summary.errors).toContain('p:/evil/../x: not copied: pCloud sent an unsafe name (a slash in the name)');
    expect(summary.errors).toContain('p:/evil/..: not copied: pCloud sent an unsafe name (the name "..")');
    expect(await shapeOf(root)).toEqual(['dest d', ...SAFE_TREE.slice(1).map((line) => `dest/${line.slice('evil/'.length)}`)].sort());
  });

  it('a server-side copy refuses the same names and lands nothing outside its DEST', async () => {
    const before = await remoteSnapshot(fx.client);
    const result = await pcutil(fx.emulator, ['cp', '-r', 'p:/evil', 'p:/safe']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.includes('pCloud sent an unsafe name'))).toHaveLength(REFUSED);
    const added = (await remoteSnapshot(fx.client)).filter((line) => !before.includes(line)).map((line) => line.split(' ')[0]);
    expect(added.sort()).toEqual(
      ['/safe/', '/safe/evil/', '/safe/evil/good.txt', '/safe/evil/sub/', '/safe/evil/sub/inner.txt', `/safe/evil/${ESCAPE_NAME}`].sort(),
    );
  });

  it('sync down refuses every unsafe name, writes nothing outside DEST, and then deletes nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-hostile-sync-'));
    const dest = join(root, 'one/two/dest');
    await mkdir(join(dest, 'evil'), { recursive: true });
    await writeFile(join(dest, 'evil/only-here.txt'), 'mine');
    const result = await pcutil(fx.emulator, ['sync', '--delete', 'p:/evil', dest]);
    expect(result.code).toBe(1);
    const refusals = result.stderr.split('\n').filter((line) => line.includes('pCloud sent an unsafe name'));
    expect(refusals).toHaveLength(REFUSED);
    expect(refusals).toContain('pcutil: p:/evil/../x: not copied: pCloud sent an unsafe name (a slash in the name)');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    // A refused item is a failure: the mirror is not whole, so --delete removes nothing this time.
    expect(result.stderr).toMatch(
      new RegExp(`\\n3 copied, 0 updated, 0 deleted, 0 unchanged, 0 filtered, ${REFUSED} failed in .*nothing deleted \\(1 to delete\\)`),
    );
    expect(await shapeOf(root)).toEqual(
      [
        'one d',
        'one/two d',
        'one/two/dest d',
        'one/two/dest/evil/only-here.txt f',
        ...SAFE_TREE.map((line) => `one/two/dest/${line}`),
      ].sort(),
    );
    const plan = await pcutil(fx.emulator, ['sync', '-d', '--delete', 'p:/evil/', join(root, 'plan')]);
    expect(plan.code).toBe(1);
    expect(plan.stdout.split('\n').filter((line) => line.startsWith('cp '))).toHaveLength(3);
    // The temp root's random name may itself hold "nul" or "back": only what the server named counts.
    expect(plan.stdout.replaceAll(root, '<root>')).not.toMatch(/\.\.|nul|back/);
    expect(await shapeOf(root)).not.toContain('plan d');
  });

  it('ls shows control characters escaped, and --json keeps the exact names', async () => {
    const listed = await pcutil(fx.emulator, ['ls', '-R', 'p:/evil']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toMatch(RAW_CONTROL);
    expect(listed.stdout).toContain('\\x1b[31mred\\x1b[0m.txt\n');
    expect(listed.stdout).toContain('nul\\x00name\n');
    const json = JSON.parse((await pcutil(fx.emulator, ['ls', '--json', 'p:/evil'])).stdout) as Array<{ name: string }>;
    expect(json.map((row) => row.name)).toEqual(expect.arrayContaining([ESCAPE_NAME, 'nul\u0000name', '../x']));
  });

  it('cat and mv use the names the user typed, and print a hostile name escaped', async () => {
    const cat = await pcutil(fx.emulator, ['cat', `p:/evil/${ESCAPE_NAME}`, 'p:/evil/missing\u001b[2J']);
    expect(cat.code).toBe(1);
    expect(cat.stdout).toBe('escape');
    expect(cat.stderr).toBe('pcutil: p:/evil/missing\\x1b[2J: no such file\n');
    const mv = await pcutil(fx.emulator, ['-v', 'mv', `p:/evil/${ESCAPE_NAME}`, 'p:/evil/sub']);
    expect(mv.code, mv.stderr).toBe(0);
    expect(mv.stderr).toBe(`mv p:/evil/\\x1b[31mred\\x1b[0m.txt p:/evil/sub/\\x1b[31mred\\x1b[0m.txt\n`);
  });
});
