/**
 * One account's file tree: folders and files by id, name indexes per folder, and the primitive
 * moves every folder/file method is built from. Ids are unique across the emulator; root is 0.
 * Errors are pCloud's (ApiFailure); scoping and paths live in the view layer (tree-view.ts).
 */
import { ApiFailure } from '../api/api-failure.js';
import { assertValidName } from './names.js';
import { folderNode, type FileNode, type FileRecord, type FolderNode, type FolderRecord } from './tree-nodes.js';

/** What a tree needs from the store around it. */
export interface TreeHooks {
  nextId(kind: 'folder' | 'file'): number;
  /** A file started / stopped referencing a blob (blobs are shared by copies). */
  retain(blob: string): void;
  release(blob: string): void;
  /** Something changed (persistence schedules a save). */
  changed(): void;
}

/** A file tree; mutations validate names and uniqueness and keep indexes consistent. */
export class FileTree {
  readonly folders = new Map<number, FolderNode>();
  readonly files = new Map<number, FileNode>();

  constructor(
    readonly hooks: TreeHooks,
    created: number,
  ) {
    this.folders.set(0, folderNode({ id: 0, parentId: undefined, name: '/', created, modified: created, deleted: false }));
  }

  /** The root folder. */
  get root(): FolderNode {
    return this.folders.get(0)!;
  }

  /** A live (not deleted) folder, or undefined. */
  folder(id: number): FolderNode | undefined {
    const node = this.folders.get(id);
    return node && !node.deleted ? node : undefined;
  }

  /** A live file, or undefined. */
  file(id: number): FileNode | undefined {
    const node = this.files.get(id);
    return node && !node.deleted ? node : undefined;
  }

  /** Live subfolder of `parent` called `name`. */
  childFolder(parent: FolderNode, name: string): FolderNode | undefined {
    const id = parent.folders.get(name);
    return id === undefined ? undefined : this.folder(id);
  }

  /** Live file in `parent` called `name`. */
  childFile(parent: FolderNode, name: string): FileNode | undefined {
    const id = parent.files.get(name);
    return id === undefined ? undefined : this.file(id);
  }

  /** True when `id` is `ancestorId` or lies below it. */
  isWithin(id: number, ancestorId: number): boolean {
    for (let node = this.folders.get(id); node; node = node.parentId === undefined ? undefined : this.folders.get(node.parentId)) {
      if (node.id === ancestorId) return true;
    }
    return false;
  }

  /** Parent folder of a node (live). */
  parentOf(node: FolderRecord | FileRecord): FolderNode {
    const parent = node.parentId === undefined ? undefined : this.folders.get(node.parentId);
    if (!parent) throw new ApiFailure(2005);
    return parent;
  }

  /** Adds a folder record (new or loaded) and indexes it. */
  attachFolder(record: FolderRecord): FolderNode {
    const node = folderNode(record);
    this.folders.set(node.id, node);
    if (node.parentId !== undefined) this.index(node, this.folders.get(node.parentId));
    return node;
  }

  /** Adds a file record (new or loaded), indexes it and retains its blob. */
  attachFile(record: FileRecord): FileNode {
    const node: FileNode = { ...record, kind: 'file' };
    this.files.set(node.id, node);
    if (!node.deleted) this.hooks.retain(node.blob);
    this.index(node, this.folders.get(node.parentId));
    return node;
  }

  /** Creates a subfolder; 2004 when a folder of that name exists. */
  createFolder(parent: FolderNode, name: string, now: number): FolderNode {
    assertValidName(name);
    if (this.childFolder(parent, name)) throw new ApiFailure(2004);
    const node = this.attachFolder({
      id: this.hooks.nextId('folder'),
      parentId: parent.id,
      name,
      created: now,
      modified: now,
      deleted: false,
    });
    this.touch(parent, now);
    return node;
  }

  /** Moves and/or renames a node; the caller checked conflicts and cycles. */
  relocate(node: FolderNode | FileNode, to: FolderNode, name: string, now: number): void {
    assertValidName(name);
    const from = this.parentOf(node);
    this.unindex(node, from);
    node.parentId = to.id;
    node.name = name;
    this.index(node, to);
    this.touch(from, now);
    this.touch(to, now);
  }

  /** Moves a node and everything below it to the trash. */
  trash(node: FolderNode | FileNode, now: number): void {
    const parent = this.parentOf(node);
    this.unindex(node, parent);
    this.markDeleted(node);
    (node.kind === 'folder' ? parent.deletedFolders : parent.deletedFiles).add(node.id);
    this.touch(parent, now);
  }

  /** Replaces a file's content in place (same fileid), releasing the old blob. */
  replaceContent(file: FileNode, content: Omit<FileRecord, 'id' | 'parentId' | 'name' | 'deleted'>): void {
    const old = file.blob;
    Object.assign(file, content);
    this.hooks.retain(file.blob);
    this.hooks.release(old);
    this.hooks.changed();
  }

  /** Bumps a folder's modification time. */
  touch(folder: FolderNode, now: number): void {
    folder.modified = Math.max(folder.modified, now);
    this.hooks.changed();
  }

  private markDeleted(node: FolderNode | FileNode): void {
    node.deleted = true;
    // Trashed content can never be read back through the API, so its blob is freed at once.
    if (node.kind === 'file') return this.hooks.release(node.blob);
    for (const id of node.folders.values()) this.markDeleted(this.folders.get(id)!);
    for (const id of node.files.values()) this.markDeleted(this.files.get(id)!);
  }

  private index(node: FolderNode | FileNode, parent: FolderNode | undefined): void {
    if (!parent) return;
    if (node.deleted) (node.kind === 'folder' ? parent.deletedFolders : parent.deletedFiles).add(node.id);
    else (node.kind === 'folder' ? parent.folders : parent.files).set(node.name, node.id);
  }

  private unindex(node: FolderNode | FileNode, parent: FolderNode): void {
    const names = node.kind === 'folder' ? parent.folders : parent.files;
    if (names.get(node.name) === node.id) names.delete(node.name);
  }
}
