// Bundles each package's bin entries (src/bin/*.ts, when present) into ESM under dist/bin: the
// entry file keeps the bin's name (the bin/ shim imports dist/bin/<bin>.js) and what it loads only
// on demand (a command's own code) goes into shared chunks under dist/bin/chunks, so `--help` does
// not compile code it never runs. Only the package's own code goes in: @pcloud/core and every
// third-party package stay imports, resolved at run time from node_modules as declared
// dependencies, so one installed core serves every bin. Minified, because V8 parses every byte it
// loads; names kept so that stack traces of a bug stay readable.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { builtinsWithoutFacade } from './builtins-without-facade.mjs';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');
const packages = [];
for (const pkg of readdirSync(packagesDir)) {
  const binDir = join(packagesDir, pkg, 'src', 'bin');
  if (!existsSync(binDir)) continue;
  const files = readdirSync(binDir).filter((file) => file.endsWith('.ts'));
  if (files.length > 0) packages.push({ pkg, binDir, files });
}
await Promise.all(
  packages.map(({ pkg, binDir, files }) => {
    const outdir = join(packagesDir, pkg, 'dist', 'bin');
    // Chunk names carry a content hash: drop the previous build's so they do not pile up.
    rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
    return build({
      entryPoints: files.map((file) => ({ in: join(binDir, file), out: file.replace(/\.ts$/, '') })),
      outdir,
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node22',
      sourcemap: false,
      minify: true,
      keepNames: true,
      logLevel: 'warning',
      plugins: [builtinsWithoutFacade],
    });
  }),
);
console.log(`bundled ${packages.reduce((sum, { files }) => sum + files.length, 0)} bin(s)`);
