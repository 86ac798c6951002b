import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The script to spawn for `pcutil`: the real bin shim when `pnpm build` has bundled it (as CI does),
 * otherwise a bundle of the TypeScript sources made the same way, so the test still runs the bin.
 */
export async function pcutilBin(): Promise<string> {
  if (existsSync(join(packageDir, 'dist/bin/pcutil.js'))) return join(packageDir, 'bin/pcutil.js');
  const { build } = await import('esbuild');
  const outfile = join(await mkdtemp(join(tmpdir(), 'pcutil-bin-')), 'pcutil.mjs');
  await build({
    entryPoints: [join(packageDir, 'src/bin/pcutil.ts')],
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
