import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The script to spawn for `pcloud-playlist`: the real bin shim when `pnpm build` has bundled it
 * (as CI does), otherwise the sources bundled the same way into a copy of the package layout
 * (package.json two levels up, where the bin reads its version).
 */
export async function playlistBin(): Promise<string> {
  if (existsSync(join(packageDir, 'dist/bin/pcloud-playlist.js'))) return join(packageDir, 'bin/pcloud-playlist.js');
  const { build } = await import('esbuild');
  const root = await mkdtemp(join(tmpdir(), 'playlist-bin-'));
  await mkdir(join(root, 'dist', 'bin'), { recursive: true });
  await copyFile(join(packageDir, 'package.json'), join(root, 'package.json'));
  const outfile = join(root, 'dist', 'bin', 'pcloud-playlist.mjs');
  await build({
    entryPoints: [join(packageDir, 'src/bin/pcloud-playlist.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    conditions: ['@pcloud/source'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __pcloudCreateRequire } from 'node:module'; const require = __pcloudCreateRequire(import.meta.url);" },
  });
  return outfile;
}
