/**
 * got is loaded with a client's first request, not with the root nor with createClient: a
 * command that sends nothing (`--help`) never pays for it. Checked in a fresh process on the
 * built root, which records every module it resolves.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = new URL('../../dist/index.js', import.meta.url).href;

// A request to a closed port of this machine: refused at once, and got has been loaded to send it.
const PROBE = `
import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); loaded.push(found.url); return found; } });
const core = await import(process.env.ROOT);
const client = core.createClient({ endpoint: 'http://127.0.0.1:1', accessToken: 'got-loading-token-0000', retry: false });
const beforeRequest = [...loaded];
const error = await client.call('userinfo').catch((e) => e);
await client.close();
console.log(JSON.stringify({ beforeRequest, afterRequest: loaded, code: error.code }));
`;

/** Whether a loaded module is got: from node_modules, or compiled into one of core's chunks (bundle-core.mjs). */
const isGot = (url: string): boolean =>
  /\/node_modules\/got\//.test(url) ||
  (url.startsWith('file:') && readFileSync(fileURLToPath(url), 'utf8').includes('Unexpected timeout option'));

test('the root and createClient load no got; the first request does', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', PROBE], {
    env: { ...process.env, ROOT: root },
    encoding: 'utf8',
  });
  const { beforeRequest, afterRequest, code } = JSON.parse(out) as { beforeRequest: string[]; afterRequest: string[]; code: string };
  expect(beforeRequest).toContain(root);
  expect(beforeRequest.filter(isGot)).toEqual([]);
  expect(afterRequest.filter(isGot).length).toBeGreaterThan(0);
  expect(code).toBe('TRANSPORT_ERROR');
});
