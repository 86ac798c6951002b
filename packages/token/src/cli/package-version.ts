import { readFileSync } from 'node:fs';

/**
 * The package's version from its package.json. This file sits two levels below the package root
 * both as source (src/cli) and bundled (dist/bin), so one relative URL serves both.
 */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
