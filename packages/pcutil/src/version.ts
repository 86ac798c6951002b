import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's version, from the nearest `@pcloud/pcutil` package.json above this file (source, dist or bundle). */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth += 1) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@pcloud/pcutil') return pkg.version ?? '0.0.0';
    } catch {
      // Not here: look one folder up.
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
