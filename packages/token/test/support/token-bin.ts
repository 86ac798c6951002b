import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** The bundled bin when `pnpm build` made it, else a bundle of the sources made the same way. */
export async function tokenBin(): Promise<string> {
  if (existsSync(join(packageDir, 'dist/bin/pcloud-token.js'))) return join(packageDir, 'bin/pcloud-token.js');
  const { build } = await import('esbuild');
  const outfile = join(await mkdtemp(join(tmpdir(), 'pcloud-token-bin-')), 'pcloud-token.mjs');
  await build({
    entryPoints: [join(packageDir, 'src/bin/pcloud-token.ts')],
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
