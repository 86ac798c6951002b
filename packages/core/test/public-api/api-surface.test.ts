/**
 * The public surface of `@pcloud/core`, pinned: the built root's names, kinds and declarations
 * must match api/core.api.md, so any change to what scripts can import shows in review.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { apiReport, rootExports } from './api-report.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const source = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

function kindOf(value: unknown): string {
  if (typeof value === 'function') return /^class\b/.test(Function.prototype.toString.call(value)) ? 'class' : 'function';
  return typeof value === 'object' && value !== null ? 'object' : typeof value;
}

describe('the public API of @pcloud/core', () => {
  test('the root names every export: no export * of a module', () => {
    expect(readFileSync(source, 'utf8')).not.toMatch(/export \*/);
  });

  test('what the built root exports at run time is exactly the value exports the declarations name', async () => {
    const root: Record<string, unknown> = await import(new URL('index.js', `file://${dist}`).href);
    const values = rootExports(dist)
      .filter((entry) => !entry.typeOnly)
      .map((entry) => entry.name);
    expect(Object.keys(root).sort()).toEqual([...values].sort());
  });

  test('internals stay out of the root', async () => {
    const root: Record<string, unknown> = await import(new URL('index.js', `file://${dist}`).href);
    const names = rootExports(dist).map((entry) => entry.name);
    for (const internal of [
      'sleep',
      'backoffDelay',
      'registerSecret',
      'forgetSecrets',
      'withFileLock',
      'createState',
      'browserCommand',
      'resolveTransportSettings',
      'createHttpTransport',
    ]) {
      expect(names).not.toContain(internal);
      expect(root[internal]).toBeUndefined();
    }
  });

  test('the report in api/core.api.md matches the built declarations', async () => {
    const root: Record<string, unknown> = await import(new URL('index.js', `file://${dist}`).href);
    const kinds = new Map(Object.entries(root).map(([name, value]) => [name, kindOf(value)]));
    await expect(apiReport(dist, kinds)).toMatchFileSnapshot('../../api/core.api.md');
  });
});
