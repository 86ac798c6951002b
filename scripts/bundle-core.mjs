// Builds @pcloud/core's JavaScript: each entry of its package.json `exports` (the root, /internal, /cli,
// /binary, /node-version) becomes one ESM file under dist/, where `default` points, with the code
// they share or load only on demand (the binary transport, the config store, a browser login) in
// chunks under dist/chunks. Every bin imports this one installed core at run time.
// Core's `dependencies` stay imports, resolved from node_modules when first used; yargs, the
// command-line parser of /cli, is a devDependency compiled in with its own dependencies, because
// loading its many small modules from node_modules is most of a `--help`. got, the HTTP client, is
// compiled in the same way, into the chunk a client's first request loads: as ~30 modules from
// node_modules it added about 200 ms to a `pcutil ls` on a loaded machine, as one chunk about 60 ms. tsc writes only the
// declarations (tsconfig: emitDeclarationOnly).
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertFront } from './assert-front.mjs';
import { builtinsWithoutFacade } from './builtins-without-facade.mjs';
import { gotHttp2Constants } from './got-http2-constants.mjs';
import { isLazyListFormat } from './is-lazy-list-format.mjs';
import { stringWidthFront } from './string-width-front.mjs';
import { wrapAnsiPlain } from './wrap-ansi-plain.mjs';
import { yargsNoHelpCache } from './yargs-no-help-cache.mjs';

const coreDir = new URL('../packages/core/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8'));
const entryPoints = Object.values(manifest.exports)
  .filter((target) => typeof target === 'object')
  .map((target) => ({ in: join(coreDir, target['@pcloud/source']), out: target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '') }));
// Every .js under dist is this script's (tsc writes only declarations): drop the previous build's,
// whose chunk names carry a content hash, and any left by an older tsc build, so none is packed.
for (const file of readdirSync(join(coreDir, 'dist'), { recursive: true, encoding: 'utf8' }))
  if (/\.js(\.map)?$/.test(file)) rmSync(join(coreDir, 'dist', file));
const options = {
  outdir: join(coreDir, 'dist'),
  bundle: true,
  external: Object.keys(manifest.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]),
  platform: 'node',
  format: 'esm',
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: true,
  logLevel: 'warning',
};
// The bins' Node.js check stands alone, in syntax an old Node parses: it must run where the rest cannot.
const [guards, libraries] = [
  entryPoints.filter((entry) => entry.out === 'node-version'),
  entryPoints.filter((entry) => entry.out !== 'node-version'),
];
await build({ ...options, entryPoints: guards, target: 'node14' });
await build({
  ...options,
  entryPoints: libraries,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  target: 'node22',
  keepNames: true,
  plugins: [assertFront, builtinsWithoutFacade, gotHttp2Constants, isLazyListFormat, stringWidthFront, wrapAnsiPlain, yargsNoHelpCache],
  // Compiled-in CommonJS (and string-width's front) call require(); give ESM output a real one.
  banner: {
    js: "import { createRequire as __pcloudCreateRequire } from 'node:module'; const require = __pcloudCreateRequire(import.meta.url);",
  },
});
console.log(`bundled @pcloud/core's ${entryPoints.length} entries`);
