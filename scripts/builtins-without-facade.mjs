// An esbuild plugin shared by the core and bin bundles. `import http from 'node:http'` in ESM
// builds a facade that reads every export of the module, lazy getters included, and node:http's
// load undici. process.getBuiltinModule hands over the module itself; wrapped as CommonJS, esbuild
// reads its properties where they are used, as code that require()s a built-in does. esbuild's
// CommonJS interop (__toESM) copies a module's own properties, asking each for its descriptor, and
// that alone loads what node:util or node:fs define lazily (streams, worker_threads, readline…):
// an object inheriting from the module has no own properties to copy and reads them all through
// its prototype, when used. A module that is a function (node:events, node:assert) stays itself.
import { isBuiltin } from 'node:module';

export const builtinsWithoutFacade = {
  name: 'builtins-without-facade',
  setup(build) {
    build.onResolve({ filter: /^[a-z_/:]+$/ }, (args) => (isBuiltin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `const real = process.getBuiltinModule(${JSON.stringify(args.path)});\nmodule.exports = typeof real === 'function' ? real : Object.create(real);`,
      loader: 'js',
    }));
  },
};
