import { sep } from 'node:path';
import { joinRemotePath } from '@pcloud/core';
import { escapeControl } from '@pcloud/core/internal';
import type { Loc } from './types.js';

/**
 * The location of `name` inside the folder `parent` (pCloud paths are always `/`-separated). The
 * name is appended as it is, never normalised, so a `..` a server sends cannot quietly climb out
 * of `parent`: callers check names they did not choose (see untrusted-name.ts).
 */
export function childLoc(parent: Loc, name: string): Loc {
  if (parent.side === 'remote') return { side: 'remote', path: joinRemotePath(parent.path, name) };
  const base = parent.path.endsWith(sep) ? parent.path : parent.path + sep;
  return { side: parent.side, path: base + name };
}

/** The last component of a location's path ('' for the pCloud root and for `-`). */
export function baseName(loc: Loc): string {
  if (loc.side === 'stdio') return '';
  const separator = loc.side === 'remote' ? '/' : sep;
  const trimmed = loc.path.endsWith(separator) && loc.path.length > 1 ? loc.path.slice(0, -1) : loc.path;
  return trimmed.slice(trimmed.lastIndexOf(separator) + 1);
}

/** The folder containing a location, or undefined for a root. */
export function parentLoc(loc: Loc): Loc | undefined {
  if (loc.side === 'stdio') return undefined;
  const separator = loc.side === 'remote' ? '/' : sep;
  const index = loc.path.lastIndexOf(separator);
  if (loc.path === separator || index < 0) return undefined;
  return { side: loc.side, path: index === 0 ? separator : loc.path.slice(0, index) };
}

/** True when `inner` is `outer` itself or lies below it, on the same side. */
export function isWithin(inner: Loc, outer: Loc): boolean {
  if (inner.side !== outer.side) return false;
  const separator = inner.side === 'remote' ? '/' : sep;
  if (inner.path === outer.path) return true;
  const prefix = outer.path.endsWith(separator) ? outer.path : outer.path + separator;
  return inner.path.startsWith(prefix);
}

/** A location as it is: `p:/path` for pCloud, the path for local, `-` for standard streams (for JSON). */
export function exactLoc(loc: Loc): string {
  if (loc.side === 'remote') return `p:${loc.path}`;
  if (loc.side === 'stdio') return '-';
  return loc.path;
}

/** How a location is shown to a person: {@link exactLoc} with control characters escaped. */
export function formatLoc(loc: Loc): string {
  return escapeControl(exactLoc(loc));
}

/** Two locations name the same place. */
export function sameLoc(a: Loc, b: Loc): boolean {
  return a.side === b.side && a.path === b.path;
}
