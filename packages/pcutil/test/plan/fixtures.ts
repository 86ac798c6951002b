import type { Entry, FileEntry, FolderEntry, Loc } from '../../src/plan/types.js';

/** Small builders so each test reads like the tree it describes. */
export const file = (name: string, size = 3, mtime = 1_700_000_000, id?: number): FileEntry =>
  id === undefined ? { kind: 'file', name, size, mtime } : { kind: 'file', name, size, mtime, id };
export const folder = (name: string, children?: Entry[]): FolderEntry => ({ kind: 'folder', name, children });
export const remote = (path: string): Loc => ({ side: 'remote', path });
export const local = (path: string): Loc => ({ side: 'local', path });
export const stdio: Loc = { side: 'stdio', path: '-' };
export const plain = { recursive: false, noClobber: false, update: false };
export const recursive = { recursive: true, noClobber: false, update: false };
