// An esbuild plugin shared by the core and bin bundles. `import http from 'node:http'` in ESM
// builds a facade that reads every export of the module, lazy getters included, and node:http's
// load undici. Here a built-in is CommonJS instead, which esbuild reads where it is used, and it
// loads when first used, not when the module importing it loads: `--help` never loads node:https,
// `ls` never loads node:child_process (the login's browser). esbuild's interop object (__toESM)
// inherits from the module's exports; those are an object whose prototype loads the built-in on
// the first property read, then hands that object the built-in itself as its prototype, so later
// reads go straight to it. A built-in that is a function (node:events, node:stream) is itself.
import { isBuiltin } from 'node:module';

export const builtinsWithoutFacade = {
  name: 'builtins-without-facade',
  setup(build) {
    // One front per importing module, not one shared by all: a shared front of a few hundred bytes
    // became a chunk of its own (code splitting), and each module file costs its load (resolve,
    // read, link), about 0.3 ms. Per importer they go into the importer's chunk: `pcutil ls` loads
    // 8 fewer files.
    build.onResolve({ filter: /^[a-z0-9_/:]+$/ }, (args) =>
      // The built-in's name last: esbuild reads a module's format from how its path ends (`.mjs` is ESM).
      isBuiltin(args.path) ? { path: `${args.importer}>${args.path}`, namespace: 'builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const builtin = args.path.slice(args.path.lastIndexOf('>') + 1);
      const name = JSON.stringify(builtin);
      if (typeof process.getBuiltinModule(builtin) === 'function')
        return { contents: `module.exports = process.getBuiltinModule(${name});`, loader: 'js' };
      return {
        contents: `let real;
const load = () => (real ??= process.getBuiltinModule(${name}));
const onFirstUse = new Proxy({}, {
  get(_, key, receiver) {
    // esbuild's interop asks whether this is a transpiled ES module: a built-in never is.
    if (key === '__esModule') return undefined;
    Object.setPrototypeOf(receiver, load());
    return real[key];
  },
  has: (_, key) => key in load(),
});
module.exports = Object.create(onFirstUse);`,
        loader: 'js',
      };
    });
  },
};
