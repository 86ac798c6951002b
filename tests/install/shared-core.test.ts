/**
 * One @pcloud/core serves every installed bin. The tarballs installed globally with plain npm hold a
 * single copy of core and no bin carries core's code; then a core at the next patch version (the
 * packed core, its version bumped in a copy) is installed over the old one, and every bin runs it:
 * each names the core it runs (pcutil, pcloud-token and pcloud-playlist on their --debug line, the
 * emulator in its start-up banner). Needs `pnpm build` first.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BINS, cleanEnv, installGlobally, packAll, repoRoot } from './support/pack-and-install.js';
import { passwordLogin } from './support/password-login.js';
import { emulatorBanner, runBin, startInstalledEmulator } from './support/run-installed.js';

const exec = promisify(execFile);

/** A sentence only core's own code holds (its answer to `-s` with nothing to save). */
const CORE_CODE = 'nothing to save: -s saves the options given with it';

let tarballs: string[] = [];
let prefix = '';
let work = '';

beforeAll(async () => {
  assertBuilt();
  tarballs = await packAll();
  prefix = await installGlobally(tarballs);
  work = await mkdtemp(join(tmpdir(), 'pcloud-shared-core-'));
}, 180_000);

afterAll(async () => {
  for (const dir of [work, prefix, ...new Set(tarballs.map((t) => join(t, '..')))])
    if (dir) await rm(dir, { recursive: true, force: true });
});

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'packages', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every installed package.json named @pcloud/core, by the folder that holds it, with its version. */
function installedCores(): { dir: string; version: string }[] {
  const lib = join(prefix, 'lib', 'node_modules');
  return readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('package.json'))
    .flatMap((file) => {
      const manifest = JSON.parse(readFileSync(join(lib, file), 'utf8')) as { name?: string; version?: string };
      return manifest.name === '@pcloud/core' ? [{ dir: join(lib, file, '..'), version: String(manifest.version) }] : [];
    });
}

/** The JavaScript files of an installed package, its own node_modules left out. */
function ownScripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.js$/.test(file) && !file.split('/').includes('node_modules'))
    .map((file) => join(dir, file));
}

/** The packed core with its version set to `version`, packed again with npm; answers the tarball. */
async function repackCore(version: string): Promise<string> {
  const packed = tarballs.find((t) => /\/pcloud-core-[^/]+\.tgz$/.test(t))!;
  const copy = join(work, 'core-copy');
  await mkdir(copy);
  await exec('tar', ['xzf', packed, '-C', copy]);
  const manifestFile = join(copy, 'package', 'package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { version: string };
  await writeFile(manifestFile, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  const { stdout } = await exec('npm', ['pack', '--pack-destination', work, '--loglevel=error'], {
    cwd: join(copy, 'package'),
    env: cleanEnv(),
  });
  return join(work, stdout.trim().split('\n').pop()!);
}

describe('the installed tree', () => {
  it('holds one @pcloud/core, whose code no bin carries', () => {
    expect(installedCores()).toEqual([{ dir: join(prefix, 'lib', 'node_modules', '@pcloud', 'core'), version: versionOf('core') }]);
    const core = installedCores()[0]!.dir;
    expect(ownScripts(core).some((file) => readFileSync(file, 'utf8').includes(CORE_CODE))).toBe(true);
    for (const pkg of Object.keys(BINS)) {
      const dir = join(prefix, 'lib', 'node_modules', '@pcloud', pkg);
      expect(
        ownScripts(dir).filter((file) => readFileSync(file, 'utf8').includes(CORE_CODE)),
        pkg,
      ).toEqual([]);
      const entry = readFileSync(join(dir, 'dist', 'bin', `${BINS[pkg]}.js`), 'utf8');
      expect(/from\s*["']@pcloud\/core\/cli["']/.test(entry), `${pkg}'s bin imports @pcloud/core/cli by name`).toBe(true);
    }
  });
});

describe('a newer @pcloud/core installed over the old one', () => {
  const newer = versionOf('core').replace(/\d+$/, (patch) => String(Number(patch) + 1));

  beforeAll(async () => {
    await installGlobally([await repackCore(newer)], prefix);
  }, 180_000);

  it('replaces it: the tree still holds one core, the newer', () => {
    expect(installedCores()).toEqual([{ dir: join(prefix, 'lib', 'node_modules', '@pcloud', 'core'), version: newer }]);
  });

  it('is the one the emulator runs', async () => {
    const banner = await emulatorBanner(prefix, ['--legacy'], cleanEnv());
    expect(banner).toMatch(new RegExp(`^pCloud emulator ${versionOf('emulator')} with @pcloud/core ${newer} \\(`));
  });

  it('is the one pcutil, pcloud-token and pcloud-playlist run', async () => {
    const caFile = join(work, 'emulator-ca.pem');
    const emulator = await startInstalledEmulator(prefix, ['--legacy', '--tls', '--ca-out', caFile], cleanEnv());
    try {
      await mkdir(join(work, 'home'), { recursive: true });
      const env = cleanEnv({
        HOME: join(work, 'home'),
        PCLOUD_CONFIG: join(work, 'home', 'pcloud.json'),
        PCLOUD_ENDPOINT: emulator.apiUrl,
        PCLOUD_ACCESS_TOKEN: emulator.token,
        PCLOUD_CA_FILE: caFile,
      });
      const legacy = { ...env, PCLOUD_AUTH: await passwordLogin(emulator.apiUrl, await readFile(caFile, 'utf8')) };
      const runs = [
        { pkg: 'pcutil', args: ['--debug', 'ls', 'p:/'], env },
        { pkg: 'token', args: ['--debug', 'whoami'], env },
        { pkg: 'playlist', args: ['--debug', '--list'], env: legacy },
      ];
      for (const { pkg, args, env: runEnv } of runs) {
        const bin = BINS[pkg]!;
        const result = await runBin(prefix, bin, args, { env: runEnv, cwd: work });
        expect(result.code, `${bin}: ${result.stderr}`).toBe(0);
        expect(result.stderr.split('\n')[0]).toBe(
          `${bin} ${versionOf(pkg)} with @pcloud/core ${newer} on Node.js ${process.versions.node}`,
        );
      }
    } finally {
      await emulator.stop();
    }
  });
});
