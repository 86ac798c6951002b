/** The records of one account's file tree (pcloud-api.md §11.2), as kept in memory and on disk. */
import type { StoredBlob } from './blob-store.js';
import type { ContentDigests } from './content-hasher.js';

/** A folder as persisted. Root is id 0 without a parent. */
export interface FolderRecord {
  id: number;
  parentId: number | undefined;
  name: string;
  created: number;
  modified: number;
  /** In the trash (deleted items keep their ids). */
  deleted: boolean;
}

/** A file as persisted: its content is the blob `blob`. */
export interface FileRecord extends Omit<ContentDigests, 'hash'> {
  id: number;
  parentId: number;
  name: string;
  created: number;
  modified: number;
  deleted: boolean;
  blob: string;
  hash: bigint;
}

/** A folder with its name indexes (files and folders are separate: a file and a folder may share a name). */
export interface FolderNode extends FolderRecord {
  kind: 'folder';
  folders: Map<string, number>;
  files: Map<string, number>;
  /** Deleted children, for `showdeleted` listings. */
  deletedFolders: Set<number>;
  deletedFiles: Set<number>;
}

/** A file node. */
export interface FileNode extends FileRecord {
  kind: 'file';
}

/** Makes an in-memory folder node from its record. */
export function folderNode(record: FolderRecord): FolderNode {
  return { ...record, kind: 'folder', folders: new Map(), files: new Map(), deletedFolders: new Set(), deletedFiles: new Set() };
}

/** The content part of a file record, from a stored blob. */
export function contentFields(blob: StoredBlob): Pick<FileRecord, 'blob' | 'size' | 'sha1' | 'md5' | 'sha256' | 'hash'> {
  const fields: Pick<FileRecord, 'blob' | 'size' | 'sha1' | 'md5' | 'sha256' | 'hash'> = {
    blob: blob.id,
    size: blob.size,
    sha1: blob.sha1,
    hash: blob.hash,
  };
  if (blob.md5 !== undefined) fields.md5 = blob.md5;
  if (blob.sha256 !== undefined) fields.sha256 = blob.sha256;
  return fields;
}
