/**
 * The part of a listed tree a filter takes, for any tree shape (plan entries, pCloud metadata):
 * files the filter includes; folders it selects, or that hold something taken (a folder is never
 * dropped while something in it is kept). What is left out is listed, so commands can count it.
 */
import type { PathFilter } from './path-filter.js';

/** What a tree node is, as the filter needs to know it. */
export interface NodeFacts {
  name: string;
  /** `other`: something a walk could not read (a special file, an unreadable folder): judged by name as a file. */
  kind: 'file' | 'folder' | 'other';
  size?: number;
  /** Unix seconds. */
  mtime?: number;
}

/** How to read and rebuild one tree shape. */
export interface TreeShape<T> {
  facts(node: T): NodeFacts;
  /** A folder's children; undefined when it was not listed. */
  children(node: T): readonly T[] | undefined;
  /** The folder with only the children given. */
  withChildren(node: T, children: T[]): T;
}

/** An item a filter left out: its names from the root of the transfer down, and its kind. */
export interface FilteredItem {
  names: string[];
  kind: 'file' | 'folder';
}

function select<T>(nodes: readonly T[], above: string[], filter: PathFilter, shape: TreeShape<T>, filtered: FilteredItem[]): T[] {
  const kept: T[] = [];
  for (const node of nodes) {
    const facts = shape.facts(node);
    const names = [...above, facts.name];
    const path = names.join('/');
    if (facts.kind !== 'folder') {
      const entry = {
        kind: 'file' as const,
        ...(facts.size !== undefined ? { size: facts.size } : {}),
        ...(facts.mtime !== undefined ? { mtime: facts.mtime } : {}),
      };
      if (filter.includes(path, entry)) kept.push(node);
      else filtered.push({ names, kind: 'file' });
      continue;
    }
    if (!filter.descends(path)) {
      filtered.push({ names, kind: 'folder' });
      continue;
    }
    // A folder listed without its contents (ls without -R) may hold anything: it stays.
    const children = shape.children(node);
    if (children === undefined) kept.push(node);
    else {
      const inside = select(children, names, filter, shape, filtered);
      if (inside.length > 0 || filter.includes(path, { kind: 'folder' })) kept.push(shape.withChildren(node, inside));
      else filtered.push({ names, kind: 'folder' });
    }
  }
  return kept;
}

/** The root folder with only what `filter` takes below it (the root itself is always kept), and what was left out. */
export function selectTree<T>(root: T, filter: PathFilter, shape: TreeShape<T>): { root: T; filtered: FilteredItem[] } {
  const filtered: FilteredItem[] = [];
  const children = shape.children(root);
  if (children === undefined || !filter.active) return { root, filtered };
  return { root: shape.withChildren(root, select(children, [], filter, shape, filtered)), filtered };
}
