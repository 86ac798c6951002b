import type { CopyReason, FileEntry } from './types.js';

/**
 * How sync tells a file that needs copying from one that does not: `size-time` (the default) by
 * size and modification time, `size` by size alone, `checksum` by content.
 */
export type CompareMode = 'size-time' | 'size' | 'checksum';

/**
 * Whether the file at the destination is already the source's (`same`), or why it must be copied
 * over: `size`, `time`, or `checksum`. pCloud keeps modification times to the second, as the
 * walk of a local disk reads them, and uploads and downloads carry them across, so equal times
 * mean the file was copied and has not been touched since. In `checksum` mode, files of the
 * same size answer `checksum`: a candidate that their sha1s settle later, unless both are on
 * pCloud with the same content hash, which settles it at once.
 */
export function compareFiles(source: FileEntry, dest: FileEntry, mode: CompareMode): 'same' | CopyReason {
  if (source.size !== dest.size) return 'size';
  if (mode === 'size') return 'same';
  if (mode === 'checksum') return source.hash !== undefined && source.hash === dest.hash ? 'same' : 'checksum';
  return source.mtime !== undefined && source.mtime === dest.mtime ? 'same' : 'time';
}
