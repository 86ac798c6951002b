/**
 * Importing the built root loads neither conf (with ajv) nor yargs nor the CLI entry; opening
 * the config store and writing it loads conf, in the same fresh process, so the check can fail.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const root = new URL('../../dist/index.js', import.meta.url).href;

// Records every module the process resolves, then imports the root, then writes a config file.
const PROBE = `
import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); loaded.push(found.url); return found; } });
const core = await import(process.env.ROOT);
const afterImport = [...loaded];
const store = await core.openConfigStore({ path: process.env.CONFIG });
await store.save({ username: 'someone@example.com' });
console.log(JSON.stringify({ afterImport, afterSave: loaded }));
`;

const HEAVY = /\/node_modules\/.*\/node_modules\/(conf|ajv|ajv-formats|yargs|yargs-parser)\//;
const CLI = /\/packages\/core\/dist\/cli\//;

test('the root loads no conf, ajv, yargs or CLI code until the config store writes', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', PROBE], {
    env: { ...process.env, ROOT: root, CONFIG: `${tempDir()}/pcloud.json` },
    encoding: 'utf8',
  });
  const { afterImport, afterSave } = JSON.parse(out) as { afterImport: string[]; afterSave: string[] };
  expect(afterImport).toContain(root);
  expect(afterImport.filter((url) => HEAVY.test(url) || CLI.test(url))).toEqual([]);
  expect(afterSave.filter((url) => /\/node_modules\/conf\//.test(url)).length).toBeGreaterThan(0);
  expect(afterSave.filter((url) => /\/node_modules\/ajv\//.test(url)).length).toBeGreaterThan(0);
  expect(afterSave.filter((url) => HEAVY.test(url) && /yargs/.test(url))).toEqual([]);
});
