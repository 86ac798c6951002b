// An esbuild plugin for bundles that compile yargs in. yargs checks its own invariants with
// node:assert's strictEqual and notStrictEqual, and loading node:assert loads streams, net and
// worker_threads under it: a third of a `--help`'s built-in modules. Its importers get a front
// that compares itself (Object.is, as those two do) and hands a failing check to the real
// node:assert, so the error thrown is the one yargs would have thrown.
export const assertFront = {
  name: 'assert-front',
  setup(build) {
    // yargs's imports only: any other module keeps the whole of node:assert.
    build.onResolve({ filter: /^(node:)?assert$/ }, (args) =>
      /[/\\]yargs[/\\]/.test(args.importer) ? { path: args.path, namespace: 'assert-front' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'assert-front' }, () => ({
      contents: `const real = () => process.getBuiltinModule('node:assert');
export function strictEqual(actual, expected, message) {
  if (!Object.is(actual, expected)) real().strictEqual(actual, expected, message);
}
export function notStrictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) real().notStrictEqual(actual, expected, message);
}`,
      loader: 'js',
    }));
  },
};
