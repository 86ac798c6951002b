// Preloaded with `node --import` into a bin under test: records every module the bin loads (its
// URL, as the loader resolved it) and, at exit, the built-in modules Node.js loaded for it, then
// writes both as JSON to the file named by PCLOUD_TEST_LOADS_FILE.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.PCLOUD_TEST_LOADS_FILE;
const before = new Set(process.moduleLoadList);
const urls = [];
registerHooks({
  load(url, context, nextLoad) {
    urls.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter((entry) => !before.has(entry) && entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length));
  writeFileSync(file, JSON.stringify({ urls, builtins }));
});
