/**
 * Per-connection file descriptors of the fd API (pcloud-api.md §4.10): numbered from 1 and never
 * reused (failed opens use up a number too), `-1` meaning the last one opened. Writes go to a
 * scratch copy that replaces the file's content on close, or when the connection goes away.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { ScratchBlob } from './blob-store.js';
import type { EmulatorState } from './emulator-state.js';
import { contentFields } from './tree-nodes.js';

/** One open file. */
export interface OpenFile {
  userid: number;
  fileid: number;
  writable: boolean;
  append: boolean;
  position: number;
  /** Present once the file was opened for writing: the content being changed. */
  scratch?: ScratchBlob;
}

/** The descriptors of one connection. */
export class DescriptorTable {
  private readonly open = new Map<number, OpenFile>();
  private last = 0;

  /** Takes the next number; `file` undefined records a failed open. */
  add(file: OpenFile | undefined): number {
    const fd = ++this.last;
    if (file) this.open.set(fd, file);
    return fd;
  }

  /** Resolves an `fd` parameter (negative: relative to the last opened); 1007 when not open. */
  get(fd: number | undefined): { fd: number; file: OpenFile } {
    const number = fd !== undefined && fd < 0 ? this.last + 1 + fd : fd;
    const file = number === undefined ? undefined : this.open.get(number);
    if (!file || number === undefined) throw new ApiFailure(1007);
    return { fd: number, file };
  }

  /** Forgets a descriptor. */
  remove(fd: number): void {
    this.open.delete(fd);
  }

  /** Every open file (for closing them all). */
  all(): Array<[number, OpenFile]> {
    return [...this.open.entries()];
  }
}

/** Writes a descriptor's scratch content back to its file (if it still exists). */
export async function commitOpenFile(state: EmulatorState, open: OpenFile, extra: 'md5' | 'sha256'): Promise<void> {
  const scratch = open.scratch;
  if (!scratch) return;
  delete open.scratch;
  const tree = state.files.tree(open.userid);
  const file = tree.file(open.fileid);
  if (!file) return scratch.discard();
  const blob = await scratch.commit(extra);
  tree.replaceContent(file, { ...contentFields(blob), created: file.created, modified: state.now() });
}
