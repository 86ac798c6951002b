import { readFileSync } from 'node:fs';

/**
 * The package's version from its package.json. This file sits two levels below the package root
 * in src/, in dist/ and in the bundled dist/bin, so one relative URL serves all three.
 */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
