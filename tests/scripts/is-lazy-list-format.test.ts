/**
 * The @sindresorhus/is patch of core's bundle (scripts/is-lazy-list-format.mjs) builds its two
 * list formatters on first use instead of when the module loads: loading the patched module must
 * build no Intl.ListFormat, and a failed multi-type assertion must say exactly what the real
 * module says. Both are bundled from the installed module (as got finds it), one with the plugin.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { isLazyListFormat } from '../../scripts/is-lazy-list-format.mjs';
import { bundleAndImport } from './support/bundle-and-import.js';

type Assert = { any: (predicates: Array<(value: unknown) => boolean>, ...values: unknown[]) => void };
type Is = { string: (value: unknown) => boolean; number: (value: unknown) => boolean };

// @sindresorhus/is comes with got, as core's bundle finds it.
const fromGot = createRequire(createRequire(join(import.meta.dirname, '..', '..', 'packages', 'core', 'package.json')).resolve('got'));
const gotDir = dirname(fromGot.resolve('@sindresorhus/is'));

function bundled(plugins: Plugin[]): Promise<{ assert: Assert; is: Is }> {
  return bundleAndImport("export { assert, default as is } from '@sindresorhus/is';", gotDir, plugins);
}

const RealListFormat = Intl.ListFormat;
let built = 0;

afterEach(() => {
  Intl.ListFormat = RealListFormat;
});

/** Counts the Intl.ListFormat objects built from now on. */
function countListFormats(): void {
  built = 0;
  Intl.ListFormat = class extends RealListFormat {
    constructor(...args: ConstructorParameters<typeof RealListFormat>) {
      super(...args);
      built++;
    }
  };
}

function failure(assert: Assert, is: Is, values: unknown[]): string {
  try {
    assert.any([is.string, is.number], ...values);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('@sindresorhus/is with lazy list formatters', () => {
  it('builds no formatter as it loads, and the real one does', async () => {
    countListFormats();
    await bundled([]);
    expect(built).toBe(2);
    countListFormats();
    await bundled([isLazyListFormat as Plugin]);
    expect(built).toBe(0);
  });

  it('words a failed multi-type assertion as the real module does, building each formatter once', async () => {
    const [real, patched] = await Promise.all([bundled([]), bundled([isLazyListFormat as Plugin])]);
    countListFormats();
    for (const values of [[null], [undefined, true], [[], {}, null], [Symbol('s'), 1n]]) {
      expect(failure(patched.assert, patched.is, values)).toBe(failure(real.assert, real.is, values));
      expect(failure(patched.assert, patched.is, values)).toMatch(/^Expected values which are `string` or `number`\./);
    }
    // The real module's were built before counting started; the patched one's once each, on first use.
    expect(built).toBe(2);
  });
});
