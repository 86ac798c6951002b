import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';

let root: string;

/**
 * src/real.txt, src/file-link -> ../elsewhere/target.txt, src/dir-link -> ../elsewhere-dir,
 * and src/inner/back -> src (a loop once links are followed).
 */
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pcutil-links-'));
  await mkdir(join(root, 'src/inner'), { recursive: true });
  await mkdir(join(root, 'elsewhere-dir'));
  await writeFile(join(root, 'src/real.txt'), 'real');
  await writeFile(join(root, 'src/inner/deep.txt'), 'deep');
  await writeFile(join(root, 'elsewhere-target.txt'), 'target');
  await writeFile(join(root, 'elsewhere-dir/linked.txt'), 'linked');
  await symlink(join(root, 'elsewhere-target.txt'), join(root, 'src/file-link'));
  await symlink(join(root, 'elsewhere-dir'), join(root, 'src/dir-link'));
  await symlink(join(root, 'src'), join(root, 'src/inner/back'));
});

describe.each(RUNNERS)('symbolic links on upload, through %s', (_runner, pcutil) => {
  const fx = useEmulator();

  const listing = async (path: string): Promise<string> => (await pcutil(fx.emulator, ['ls', '-R', path])).stdout;

  it('uploads what a file link points to, leaves linked folders alone and says so in the summary', async () => {
    const result = await pcutil(fx.emulator, ['cp', '-r', join(root, 'src'), 'p:/nolinks']);
    expect(result.code, result.stderr).toBe(0);
    expect(await listing('p:/nolinks/src')).toBe('p:/nolinks/src:\ninner/\nfile-link\nreal.txt\n\np:/nolinks/src/inner:\ndeep.txt\n');
    expect((await pcutil(fx.emulator, ['cat', 'p:/nolinks/src/file-link'])).stdout).toBe('target');
    const notFollowed = result.stderr
      .split('\n')
      .filter((line) => line.includes('a symbolic link to a folder; not followed (-L follows it)'));
    expect(notFollowed.sort()).toEqual([
      `pcutil: warning: ${root}/src/dir-link: a symbolic link to a folder; not followed (-L follows it)`,
      `pcutil: warning: ${root}/src/inner/back: a symbolic link to a folder; not followed (-L follows it)`,
    ]);
    expect(result.stderr).toMatch(/; 2 linked folder\(s\) not followed \(-L follows them\); 0 failed\.\n$/);
  });

  it('counts them in the --json summary and shows them in the dry run', async () => {
    const json = await pcutil(fx.emulator, ['cp', '--json', '-r', join(root, 'src'), 'p:/nolinks-json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ files: 3, linksNotFollowed: 2, warnings: 0, failed: 0 });
    const planned = await pcutil(fx.emulator, ['cp', '-d', '-r', join(root, 'src'), 'p:/nolinks-dry']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).not.toContain('dir-link');
    expect(planned.stderr).toContain(`${root}/src/dir-link: a symbolic link to a folder; not followed`);
  });

  it('with -L descends into linked folders and still stops at a loop', async () => {
    const result = await pcutil(fx.emulator, ['cp', '-r', '-L', join(root, 'src'), 'p:/withlinks']);
    expect(result.code, result.stderr).toBe(0);
    expect(await listing('p:/withlinks/src')).toBe(
      'p:/withlinks/src:\ndir-link/\ninner/\nfile-link\nreal.txt\n\np:/withlinks/src/dir-link:\nlinked.txt\n\np:/withlinks/src/inner:\ndeep.txt\n',
    );
    expect(result.stderr).toContain(
      `pcutil: warning: ${root}/src/inner/back: symbolic link loop (it leads back to a folder being copied); skipped`,
    );
    expect(result.stderr).not.toContain('not followed');
  });

  it('follows a linked folder named as SOURCE itself, as it was asked for', async () => {
    const result = await pcutil(fx.emulator, ['cp', '-r', join(root, 'src/dir-link'), 'p:/named']);
    expect(result.code, result.stderr).toBe(0);
    expect(await listing('p:/named')).toBe('p:/named:\ndir-link/\n\np:/named/dir-link:\nlinked.txt\n');
  });
});
