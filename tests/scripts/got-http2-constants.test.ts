/**
 * The got patch of core's bundle (scripts/got-http2-constants.mjs) writes in the values of the
 * node:http2 constants got's HTTP/2 client reads as it loads, so that loading got does not load
 * node:http2: the values must be node:http2's own, and the patched module must hold them in place
 * of the read.
 */
import { constants } from 'node:http2';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { gotHttp2Constants, HTTP2_CONSTANTS } from '../../scripts/got-http2-constants.mjs';
import { bundleText } from './support/bundle-and-import.js';

const gotEntry = createRequire(join(import.meta.dirname, '..', '..', 'packages', 'core', 'package.json')).resolve('got');

describe('got with HTTP/2 constants written in', () => {
  it('writes in exactly node:http2 values', () => {
    expect(Object.keys(HTTP2_CONSTANTS).length).toBe(8);
    for (const [name, value] of Object.entries(HTTP2_CONSTANTS)) expect(value, name).toBe(constants[name as keyof typeof constants]);
  });

  it('leaves no read of http2.constants in the bundled client, and the values in', async () => {
    // Re-exported, so that the bundle keeps the module's top level (got declares no side effects).
    const bundle = (plugins: Plugin[]) => bundleText("export * from './core/utils/http2-client.js';", dirname(gotEntry), plugins);
    const [real, patched] = await Promise.all([bundle([]), bundle([gotHttp2Constants as Plugin])]);
    expect(real).toContain('http2.constants');
    expect(patched).not.toContain('http2.constants');
    for (const [name, value] of Object.entries(HTTP2_CONSTANTS))
      expect(patched).toContain(`${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  });
});
