import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How many folders above the caller to look: src/, dist/ and a bundle's dist/bin/chunks/ all sit within it. */
const MAX_DEPTH = 5;

/**
 * A tool's version for `--version`: read from the nearest package.json named `name` above
 * `from` (pass `import.meta.url`). Source, compiled and bundled copies of a tool sit at different
 * depths of its package, so the walk looks up by name rather than by a fixed relative path;
 * `0.0.0` when none is found.
 */
export function packageVersion(name: string, from: string): string {
  let dir = dirname(fileURLToPath(from));
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === name) return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
    } catch {
      // No package.json here, or not one we can read: look one folder up.
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

/** The version of the @pcloud/core that is running: the installed package every tool shares. */
export function coreVersion(): string {
  return packageVersion('@pcloud/core', import.meta.url);
}
