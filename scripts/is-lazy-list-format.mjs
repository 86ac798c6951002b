// An esbuild plugin for bundles that compile got in. got checks its options with @sindresorhus/is,
// whose module builds two Intl.ListFormat objects as it loads, for the text of a failed multi-type
// assertion. The first Intl object a process makes loads ICU's locale data: about 17 ms of every
// command that makes a request (`pcutil ls`), measured, for a message core's own options never
// cause. The patch builds each formatter on its first use, with the same locale and options. The
// build stops if the module no longer builds them that way, rather than keep a patch that no
// longer applies.
import { readFile } from 'node:fs/promises';

const FORMATTERS = [
  "const andFormatter = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });",
  "const orFormatter = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });",
];

/** `const name = new Intl.ListFormat(args);` becomes an object whose `format` builds it once, then formats. */
function lazily(statement) {
  const [, name, args] = /^const (\w+) = new Intl\.ListFormat\((.*)\);$/.exec(statement) ?? [];
  return `let ${name}Built; const ${name} = { format: (list) => (${name}Built ??= new Intl.ListFormat(${args})).format(list) };`;
}

export const isLazyListFormat = {
  name: 'is-lazy-list-format',
  setup(build) {
    build.onLoad({ filter: /[/\\]@sindresorhus[/\\]is[/\\]distribution[/\\]index\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      if (source.split('new Intl.').length !== FORMATTERS.length + 1)
        throw new Error(`is-lazy-list-format: ${args.path} builds other Intl objects`);
      for (const statement of FORMATTERS) {
        if (source.split(statement).length !== 2) throw new Error(`is-lazy-list-format: ${args.path} no longer has ${statement}`);
        source = source.replace(statement, lazily(statement));
      }
      return { contents: source, loader: 'js' };
    });
  },
};
