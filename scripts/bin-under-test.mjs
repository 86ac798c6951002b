// The script a test spawns for a package's bin: the real shim when `pnpm build` has bundled it
// (as CI does), otherwise the TypeScript sources bundled in one file into a temporary copy of the
// package layout (the package.json above the bundle, where the bins find their version),
// so a test of the bin runs even before a build.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @param {string} packageDir the package's folder
 * @param {string} bin the bin's name (`pcutil`, `pcloud-token`, …)
 * @returns {Promise<string>} the path to run with `node`
 */
export async function binUnderTest(packageDir, bin) {
  if (existsSync(join(packageDir, 'dist', 'bin', `${bin}.js`))) return join(packageDir, 'bin', `${bin}.js`);
  const { build } = await import('esbuild');
  const root = await mkdtemp(join(tmpdir(), `${bin}-bin-`));
  await mkdir(join(root, 'dist', 'bin'), { recursive: true });
  await copyFile(join(packageDir, 'package.json'), join(root, 'package.json'));
  const outfile = join(root, 'dist', 'bin', `${bin}.mjs`);
  await build({
    entryPoints: [join(packageDir, 'src', 'bin', `${bin}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    conditions: ['@pcloud/source'],
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __pcloudCreateRequire } from 'node:module'; const require = __pcloudCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}
