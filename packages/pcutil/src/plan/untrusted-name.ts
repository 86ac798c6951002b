import { resolve, sep } from 'node:path';
import { childLoc, formatLoc } from './loc.js';
import type { Loc } from './types.js';

/**
 * Why a name that a pCloud listing sent cannot become part of a path, or undefined when it can.
 * pCloud never hands out such names, but a buggy or hostile server (or a man in the middle) could,
 * and `..` or `a/b` joined onto a destination would write somewhere the user never named.
 */
export function untrustedNameProblem(name: string): string | undefined {
  if (name === '') return 'an empty name';
  if (name === '.' || name === '..') return `the name "${name}"`;
  if (name.includes('/')) return 'a slash in the name';
  if (name.includes('\\')) return 'a backslash in the name';
  if (name.includes('\0')) return 'a NUL character in the name';
  return undefined;
}

/** True when the local path `inner` resolves to `root` itself or somewhere below it. */
function staysWithin(inner: string, root: string): boolean {
  const resolvedRoot = resolve(root);
  const resolved = resolve(inner);
  return resolved === resolvedRoot || resolved.startsWith(resolvedRoot.endsWith(sep) ? resolvedRoot : resolvedRoot + sep);
}

/**
 * Where the item `name`, listed by pCloud inside `from`, goes inside `to`; or the problem line
 * that refuses it: a name that is no plain name, or a local path that would resolve outside
 * `root`, the destination the user named. Every name pCloud sends passes through here before
 * it becomes part of a path (a local file, or the target of a server-side copy).
 */
export function placeListedChild(from: Loc, to: Loc, name: string, root: Loc): { to: Loc } | { message: string } {
  const reason = untrustedNameProblem(name);
  const target = childLoc(to, name);
  if (reason === undefined && (to.side !== 'local' || staysWithin(target.path, root.path))) return { to: target };
  const why = reason ?? `it would land outside ${formatLoc(root)}`;
  return { message: `${formatLoc(childLoc(from, name))}: not copied: pCloud sent an unsafe name (${why})` };
}
