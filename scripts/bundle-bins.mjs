// Bundles each package's bin entries (src/bin/*.ts, when present) into ESM under dist/bin: the
// entry file keeps the bin's name (the bin/ shim imports dist/bin/<bin>.js) and what it loads only
// on demand (got, conf/ajv, the binary transport, a command's own code) goes into shared chunks
// under dist/bin/chunks, so `--help` does not compile code it never runs. Minified, because V8
// parses every byte it loads; names kept so that stack traces of a bug stay readable.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';

// `import http from 'node:http'` in ESM builds a facade that reads every export of the module,
// lazy getters included, and node:http's load undici (~60 ms of start-up, measured on Node 24).
// process.getBuiltinModule hands over the module itself; wrapped as CommonJS, esbuild reads its
// properties where they are used, as code that require()s a built-in does.
const builtinsWithoutFacade = {
  name: 'builtins-without-facade',
  setup(build) {
    build.onResolve({ filter: /^[a-z_/:]+$/ }, (args) => (isBuiltin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

// yargs measures its help text with string-width, whose module builds an Intl.Segmenter as it loads
// (~15 ms of ICU set-up in every run, --version included). Its importers get a front instead that
// measures plain text itself (printable ASCII and a few typographic marks: one column each, as
// string-width counts them) and loads the real module, the first time, for anything else.
const stringWidthFront = {
  name: 'string-width-front',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { real: true } });
      return real.errors.length > 0 ? { errors: real.errors } : { path: real.path, namespace: 'string-width-front' };
    });
    build.onLoad({ filter: /.*/, namespace: 'string-width-front' }, (args) => ({
      contents: `let exact;
export default function stringWidth(text, options) {
  if (typeof text === 'string' && /^[\\x20-\\x7e\\xa7\\xb0\\xb1\\xb7\\xd7\\u2013\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u2190\\u2192\\u2212]*$/.test(text)) return text.length;
  exact ??= require(${JSON.stringify(args.path)}).default;
  return exact(text, options);
}`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

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
      platform: 'node',
      format: 'esm',
      target: 'node22',
      sourcemap: false,
      minify: true,
      keepNames: true,
      logLevel: 'warning',
      plugins: [builtinsWithoutFacade, stringWidthFront],
      // Some bundled CommonJS dependencies call require(); give ESM output a real one.
      banner: {
        js: "import { createRequire as __pcloudCreateRequire } from 'node:module'; const require = __pcloudCreateRequire(import.meta.url);",
      },
    });
  }),
);
console.log(`bundled ${packages.reduce((sum, { files }) => sum + files.length, 0)} bin(s)`);
