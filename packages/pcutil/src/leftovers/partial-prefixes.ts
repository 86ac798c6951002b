/**
 * What both leftover sweeps (sweep-partial.ts on the disk, sweep-remote-partial.ts on pCloud) look for:
 * the temporary-name prefixes of a plan's targets, grouped by the folder that holds them.
 */
import { partialFilePrefix } from '@pcloud/core/internal';

/** How to split a path on its side (local or pCloud). */
export interface PathParts {
  dirname(path: string): string;
  basename(path: string): string;
}

/** The `partialFilePrefix` of every target path, by folder. */
export function partialPrefixesByFolder(targets: Iterable<string>, parts: PathParts): Map<string, Set<string>> {
  const byFolder = new Map<string, Set<string>>();
  for (const target of targets) {
    const folder = parts.dirname(target);
    const prefixes = byFolder.get(folder) ?? new Set<string>();
    prefixes.add(partialFilePrefix(parts.basename(target)));
    byFolder.set(folder, prefixes);
  }
  return byFolder;
}
