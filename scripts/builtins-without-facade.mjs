// An esbuild plugin shared by the core and bin bundles. `import http from 'node:http'` in ESM
// builds a facade that reads every export of the module, lazy getters included, and node:http's
// load undici. process.getBuiltinModule hands over the module itself; wrapped as CommonJS, esbuild
// reads its properties where they are used, as code that require()s a built-in does.
import { isBuiltin } from 'node:module';

export const builtinsWithoutFacade = {
  name: 'builtins-without-facade',
  setup(build) {
    build.onResolve({ filter: /^[a-z_/:]+$/ }, (args) => (isBuiltin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};
