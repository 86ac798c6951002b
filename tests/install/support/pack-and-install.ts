/**
 * Packs every workspace package with `pnpm pack` (as it would be published) and installs the
 * tarballs globally into a temporary prefix with plain `npm`, the way users install the tools.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The repository root. */
export const repoRoot = new URL('../../..', import.meta.url).pathname.replace(/\/$/, '');

/** The workspace packages, by folder under packages/. */
export const PACKAGES = ['core', 'emulator', 'pcutil', 'playlist', 'token'] as const;

/** The bins users get, by package folder. */
export const BINS: Record<string, string> = {
  emulator: 'pcloud-emulator',
  pcutil: 'pcutil',
  playlist: 'pcloud-playlist',
  token: 'pcloud-token',
};

/** Fails with one clear line when `pnpm build` has not produced what the tarballs ship. */
export function assertBuilt(): void {
  const missing = PACKAGES.flatMap((pkg) => {
    const wanted = [`packages/${pkg}/dist/index.js`, ...(BINS[pkg] ? [`packages/${pkg}/dist/bin/${BINS[pkg]}.js`] : [])];
    return wanted.filter((file) => !existsSync(join(repoRoot, file)));
  });
  if (missing.length > 0) throw new Error(`run \`pnpm build\` before this test: missing ${missing.join(', ')}`);
}

/** The environment for npm and pnpm children, without the variables `pnpm exec` sets for its own children. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(npm_(command|execpath|node_execpath|lifecycle_|package_)|npm_config_user_agent$|pnpm_config_)/i.test(key)) delete env[key];
  return { ...env, ...extra };
}

/** Packs every package into a fresh folder; answers the tarball paths. */
export async function packAll(): Promise<string[]> {
  const dest = await mkdtemp(join(tmpdir(), 'pcloud-pack-'));
  await Promise.all(
    PACKAGES.map((pkg) => exec('pnpm', ['pack', '--pack-destination', dest], { cwd: join(repoRoot, 'packages', pkg), env: cleanEnv() })),
  );
  return readdirSync(dest)
    .filter((name) => name.endsWith('.tgz'))
    .sort()
    .map((name) => join(dest, name));
}

/**
 * `npm i -g` of the tarballs into a fresh prefix (or over what `into` holds); answers the prefix. Our scope's registry is
 * pointed at a closed loopback port, so the install proves that no @pcloud package comes from a
 * registry; third-party dependencies come from the npm cache or the registry. `--prefix` drops
 * the global npmrc (which may hold a proxy CA), so it is named explicitly.
 */
export async function installGlobally(tarballs: readonly string[], into?: string): Promise<string> {
  const prefix = into ?? (await mkdtemp(join(tmpdir(), 'pcloud-prefix-')));
  const globalconfig = (await exec('npm', ['config', 'get', 'globalconfig'], { env: cleanEnv() })).stdout.trim();
  const args = [
    'install',
    '--global',
    '--prefix',
    prefix,
    '--globalconfig',
    globalconfig,
    '--prefer-offline',
    '--no-fund',
    '--no-audit',
    '--loglevel=error',
  ];
  await exec('npm', [...args, '--@pcloud:registry=http://127.0.0.1:9/', ...tarballs], { env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 });
  return prefix;
}
