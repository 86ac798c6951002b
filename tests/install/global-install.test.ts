/**
 * Installing as users do: every package packed with `pnpm pack`, the tarballs installed globally
 * with plain `npm` into a temporary prefix, then the installed bins and library used for real
 * against an emulator started from the installed `pcloud-emulator`. Needs `pnpm build` first.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordLogin } from './support/password-login.js';
import { assertBuilt, BINS, cleanEnv, installGlobally, packAll, PACKAGES, repoRoot } from './support/pack-and-install.js';
import { runBin, startInstalledEmulator, type InstalledEmulator } from './support/run-installed.js';

const exec = promisify(execFile);

let tarballs: string[] = [];
let prefix = '';
let work = '';
let emulator: InstalledEmulator;
let env: NodeJS.ProcessEnv;
let caFile = '';

beforeAll(async () => {
  assertBuilt();
  tarballs = await packAll();
  prefix = await installGlobally(tarballs);
  work = await mkdtemp(join(tmpdir(), 'pcloud-user-'));
  await mkdir(join(work, 'home'));
  // HTTPS as against pCloud itself; the tools trust the emulator's throwaway CA through PCLOUD_CA_FILE.
  caFile = join(work, 'emulator-ca.pem');
  emulator = await startInstalledEmulator(prefix, ['--legacy', '--tls', '--ca-out', caFile], cleanEnv());
  env = cleanEnv({
    HOME: join(work, 'home'),
    PCLOUD_CONFIG: join(work, 'home', 'pcloud.json'),
    PCLOUD_ENDPOINT: emulator.apiUrl,
    PCLOUD_ACCESS_TOKEN: emulator.token,
    PCLOUD_CA_FILE: caFile,
  });
}, 180_000);

afterAll(async () => {
  await emulator?.stop();
  for (const dir of [work, prefix, ...new Set(tarballs.map((t) => join(t, '..')))])
    if (dir) await rm(dir, { recursive: true, force: true });
});

async function tarballFiles(tarball: string): Promise<string[]> {
  return (await exec('tar', ['tzf', tarball])).stdout.split('\n').filter(Boolean);
}

async function tarballManifest(tarball: string): Promise<Record<string, any>> {
  return JSON.parse((await exec('tar', ['xzf', tarball, '-O', 'package/package.json'])).stdout) as Record<string, any>;
}

describe('the packed tarballs', () => {
  it('are one per package', () => {
    expect(tarballs.map((t) => t.replace(/^.*\//, ''))).toEqual(PACKAGES.map((pkg) => `pcloud-${pkg}-${versionOf(pkg)}.tgz`).sort());
  });

  it.each(PACKAGES)('@pcloud/%s ships complete metadata, its license, README, types and bin', async (pkg) => {
    const tarball = tarballs.find((t) => t.endsWith(`/pcloud-${pkg}-${versionOf(pkg)}.tgz`))!;
    const files = new Set((await tarballFiles(tarball)).map((f) => f.replace(/^package\//, '')));
    const manifest = await tarballManifest(tarball);
    expect(files.has('LICENSE') && files.has('README.md')).toBe(true);
    expect(await readFile(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(manifest).toMatchObject({ name: `@pcloud/${pkg}`, license: 'MIT', type: 'module', engines: { node: '>=22.12' } });
    expect(manifest.description).toMatch(/\w{3,}/);
    expect(manifest.keywords).toContain('pcloud');
    expect(manifest.repository).toMatchObject({ type: 'git', directory: `packages/${pkg}` });
    expect(Array.isArray(manifest.files)).toBe(true);
    // What the manifest points at is in the tarball (every export's types and code, the bins);
    // only the workspace's own "@pcloud/source" condition names sources, which are not shipped.
    const exported = Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((target) =>
      typeof target === 'string'
        ? [target]
        : Object.entries(target).flatMap(([condition, file]) => (condition === '@pcloud/source' ? [] : [file])),
    );
    expect(exported.length).toBeGreaterThanOrEqual(3);
    for (const target of [manifest.types, ...exported, ...Object.values(manifest.bin ?? {})])
      expect(files).toContain(String(target).replace(/^\.\//, ''));
    if (BINS[pkg]) expect(files).toContain(`dist/bin/${BINS[pkg]}.js`);
    expect([...files].filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    // pnpm pack rewrites workspace: ranges into the real versions.
    expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain('workspace:');
  });
});

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'packages', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

describe('the installed bins', () => {
  it.each(Object.entries(BINS))('%s: --help and --version', async (pkg, bin) => {
    const help = await runBin(prefix, bin, ['--help'], { env, cwd: work });
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout.split('\n')[0]).toMatch(new RegExp(`^${bin} `));
    const version = await runBin(prefix, bin, ['--version'], { env, cwd: work });
    expect(version).toEqual({ code: 0, stdout: `${versionOf(pkg)}\n`, stderr: '' });
  });

  it('pcutil copies a file up, lists it and reads it back', async () => {
    await writeFile(join(work, 'hello.txt'), 'hello from an installed pcutil\n');
    const cp = await runBin(prefix, 'pcutil', ['cp', 'hello.txt', 'p:/installed/'], { env, cwd: work });
    expect(cp.code, cp.stderr).toBe(0);
    const ls = await runBin(prefix, 'pcutil', ['ls', 'p:/installed'], { env, cwd: work });
    expect(ls).toMatchObject({ code: 0, stdout: 'hello.txt\n' });
    const cat = await runBin(prefix, 'pcutil', ['cat', 'p:/installed/hello.txt'], { env, cwd: work });
    expect(cat).toMatchObject({ code: 0, stdout: 'hello from an installed pcutil\n' });
  });

  it('pcutil lists over the binary protocol (TLS) with the port from the config file', async () => {
    await writeFile(env.PCLOUD_CONFIG!, JSON.stringify({ 'binary-api-port': emulator.binaryPort }));
    const ls = await runBin(prefix, 'pcutil', ['--debug', '--transport', 'binary', 'ls', '-l', 'p:/installed'], { env, cwd: work });
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout).toMatch(/ 31 .*hello\.txt\n$/);
    expect(ls.stderr).toMatch(/^binary listfolder/m);
  });

  it('pcloud-token whoami names the account, its server and the token kind', async () => {
    const whoami = await runBin(prefix, 'pcloud-token', ['whoami'], { env, cwd: work });
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(whoami.stdout).toContain('demo@pcloud-emulator.test');
    expect(whoami.stdout).toContain(emulator.apiUrl);
    expect(whoami.stdout).toContain('OAuth access token');
  });

  it('pcloud-playlist turns a playlist into a pCloud playlist and lists it, with a legacy auth token', async () => {
    const music = join(work, 'music');
    await mkdir(join(music, 'Artist'), { recursive: true });
    await writeFile(join(music, 'Artist', 'Song & Dance.mp3'), 'not really an mp3');
    await writeFile(join(music, 'road trip.m3u'), 'Artist/Song & Dance.mp3\n');
    const up = await runBin(prefix, 'pcutil', ['cp', '-r', join(music, 'Artist'), 'p:/Music/'], { env, cwd: work });
    expect(up.code, up.stderr).toBe(0);
    const legacy = { ...env, PCLOUD_AUTH: await passwordLogin(emulator.apiUrl, await readFile(caFile, 'utf8')) };
    const convert = await runBin(prefix, 'pcloud-playlist', ['--prefix', music, join(music, 'road trip.m3u')], { env: legacy, cwd: work });
    expect(convert.code, convert.stderr).toBe(0);
    const list = await runBin(prefix, 'pcloud-playlist', ['--list'], { env: legacy, cwd: work });
    expect(list.code, list.stderr).toBe(0);
    // pCloud's own playlists (Most Listened, Recently Added) are listed beside ours.
    expect(list.stdout.split('\n')).toContain('road trip');
  });

  it('a plain .mjs script outside the workspace imports @pcloud/core, lists a folder and uploads a file', async () => {
    const project = join(work, 'script');
    await mkdir(project);
    // A user's project that found the installed library: its node_modules is the global one.
    await symlink(join(prefix, 'lib', 'node_modules'), join(project, 'node_modules'));
    await writeFile(
      join(project, 'use-core.mjs'),
      [
        "import { createClient, listFolder, uploadFile } from '@pcloud/core';",
        "import { readFile, writeFile } from 'node:fs/promises';",
        "const ca = await readFile(process.env.PCLOUD_CA_FILE, 'utf8');",
        'const client = createClient({ endpoint: process.env.PCLOUD_ENDPOINT, accessToken: process.env.PCLOUD_ACCESS_TOKEN, ca });',
        "await writeFile('note.txt', 'written by a script');",
        "const { metadata } = await uploadFile(client, 'note.txt', { path: '/installed/note.txt' });",
        "const folder = await listFolder(client, { path: '/installed' });",
        'console.log(JSON.stringify({ uploaded: metadata.name, size: metadata.size, names: folder.contents.map((item) => item.name).sort() }));',
        'await client.close();',
      ].join('\n'),
    );
    const { stdout } = await exec(process.execPath, ['use-core.mjs'], { cwd: project, env });
    expect(JSON.parse(stdout)).toEqual({ uploaded: 'note.txt', size: 19, names: ['hello.txt', 'note.txt'] });
  });

  it('pcloud-emulator stops cleanly on Ctrl-C', async () => {
    expect(await emulator.stop()).toBe(0);
  });
});
