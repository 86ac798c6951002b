import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/cli/package-version.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A package `@x/tool` at 3.4.5 whose bundle sits in dist/bin/chunks, below another package.json. */
function toolTree(): { root: string; chunk: string } {
  const root = tempDir('package-version-');
  const chunks = join(root, 'dist', 'bin', 'chunks');
  mkdirSync(chunks, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: '@x/tool', version: '3.4.5' }));
  writeFileSync(join(root, 'dist', 'package.json'), JSON.stringify({ type: 'module' }));
  return { root, chunk: pathToFileURL(join(chunks, 'run-abc.js')).href };
}

describe('packageVersion', () => {
  it("finds the named package's version above a bundled chunk, past other package.json files", () => {
    expect(packageVersion('@x/tool', toolTree().chunk)).toBe('3.4.5');
  });

  it('answers 0.0.0 when no package of that name is near', () => {
    expect(packageVersion('@x/other', toolTree().chunk)).toBe('0.0.0');
  });
});
