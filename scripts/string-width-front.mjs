// An esbuild plugin for bundles that compile yargs in. yargs measures its help text with
// string-width, whose module builds an Intl.Segmenter as it loads (ICU set-up in every run,
// --version included). Its importers get a front instead that measures plain text itself
// (printable ASCII and a few typographic marks: one column each, as string-width counts them) and
// loads the real module, the first time, for anything else.
import { dirname } from 'node:path';

export const stringWidthFront = {
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
