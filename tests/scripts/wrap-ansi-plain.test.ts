/**
 * The wrap-ansi patch of core's bundle (scripts/wrap-ansi-plain.mjs) returns plain text as soon as
 * it is wrapped: its wrapping must equal the real wrap-ansi's for text with and without colour
 * codes, at every width and with the options cliui uses. Both are bundled from the installed
 * wrap-ansi, one with the plugin, and run side by side.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { wrapAnsiPlain } from '../../scripts/wrap-ansi-plain.mjs';
import { bundleAndImport } from './support/bundle-and-import.js';

type Wrap = (text: string, columns: number, options?: { hard?: boolean; trim?: boolean; wordWrap?: boolean }) => string;

// wrap-ansi comes with yargs (through cliui), as core's bundle finds it.
const fromYargs = createRequire(createRequire(join(import.meta.dirname, '..', '..', 'packages', 'core', 'package.json')).resolve('yargs'));
const cliuiDir = dirname(createRequire(fromYargs.resolve('cliui')).resolve('wrap-ansi'));

async function bundled(plugins: Plugin[]): Promise<Wrap> {
  return (await bundleAndImport<{ default: Wrap }>("export { default } from 'wrap-ansi';", cliuiDir, plugins)).default;
}

const TEXTS = [
  '',
  '   ',
  'list a pCloud folder (default p:/)',
  'copy files and folders to, from or within pCloud (p:/path or pcloud://host/path?authid=…)',
  '  leading and  double  spaces and trailing   ',
  'a-very-long-word-that-cannot-fit-on-any-line-at-all-and-must-be-broken-somewhere',
  'two\nlines\n\nand an empty one',
  '\u001B[31mred text that wraps across several lines of output\u001B[39m plain after',
  '\u001B]8;;https://example.com\u0007a link that wraps over lines\u001B]8;;\u0007 end',
  'wide 表 characters 表表表 mixed with text',
];

describe('wrap-ansi with the plain-text shortcut', () => {
  it('wraps exactly as wrap-ansi does', async () => {
    const [real, patched] = await Promise.all([bundled([]), bundled([wrapAnsiPlain as Plugin])]);
    for (const text of TEXTS) {
      for (const columns of [1, 5, 12, 30, 100]) {
        for (const options of [{ hard: true }, {}, { trim: false }, { wordWrap: false }]) {
          expect(patched(text, columns, options), JSON.stringify({ text, columns, options })).toBe(real(text, columns, options));
        }
      }
    }
  });
});
