/** The README's API section lists exactly the root's exports, each once, each with a purpose. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { rootExports } from './api-report.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test('the API section names every public export once, with a one-line purpose, and nothing else', () => {
  const section = /\n## API\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const items = [...section.matchAll(/^- `(\w+)` — (.+)$/gm)];
  const listed = items.map((item) => item[1]);
  expect(new Set(listed).size).toBe(listed.length);
  expect([...listed].sort()).toEqual(
    rootExports(dist)
      .map((entry) => entry.name)
      .sort(),
  );
  for (const item of items) expect(item[2]?.trim().length).toBeGreaterThan(10);
});
