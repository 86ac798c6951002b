/**
 * An account's tree as one caller sees it. With a private app-folder token (scope kind
 * `folder`) that folder is the caller's root: `/` and folderid 0 map to it, it is reported as
 * root, and nothing outside it is reachable (pcloud-api.md §7.5). Paths are resolved here.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { AccessScope } from './identity-types.js';
import type { FileTree } from './file-tree.js';
import type { FileNode, FolderNode } from './tree-nodes.js';

/** A path split into its parent folder and last name (`name` undefined for `/`). */
export interface ResolvedPath {
  parent: FolderNode;
  name: string | undefined;
}

/** Scoped access to one tree. */
export class TreeView {
  /** Real id of the caller's root folder. */
  readonly rootId: number;

  constructor(
    readonly tree: FileTree,
    scope: AccessScope,
  ) {
    this.rootId = scope.kind === 'folder' ? scope.rootFolderId : 0;
  }

  /** Folder id as the caller sees it. */
  outerFolderId(id: number): number {
    return id === this.rootId ? 0 : id;
  }

  /** True when the real folder id is the caller's root. */
  isRoot(folder: FolderNode): boolean {
    return folder.id === this.rootId;
  }

  /** A live folder by the id the caller gave: 2005 when missing, 2003 when outside the scope. */
  folderById(outerId: number): FolderNode {
    const folder = this.tree.folder(outerId === 0 ? this.rootId : outerId);
    if (!folder) throw new ApiFailure(2005);
    if (!this.tree.isWithin(folder.id, this.rootId)) throw new ApiFailure(2003);
    return folder;
  }

  /** A live file by id: 2009 when missing, 2003 when outside the scope. */
  fileById(id: number): FileNode {
    const file = this.tree.file(id);
    if (!file) throw new ApiFailure(2009);
    if (!this.tree.isWithin(file.parentId, this.rootId)) throw new ApiFailure(2003);
    return file;
  }

  /** Splits a path and walks to its parent folder: 2010 when not absolute, 2002 when a parent is missing. */
  resolve(path: string): ResolvedPath {
    if (!path.startsWith('/')) throw new ApiFailure(2010);
    const names = path.split('/').filter((part) => part !== '');
    let parent = this.tree.folder(this.rootId);
    if (!parent) throw new ApiFailure(2005);
    const last = names.pop();
    for (const name of names) {
      const next = this.tree.childFolder(parent, name);
      if (!next) throw new ApiFailure(2002);
      parent = next;
    }
    return { parent, name: last };
  }

  /** A folder by path: 2005 when it (or a parent) is missing. */
  folderByPath(path: string): FolderNode {
    let resolved: ResolvedPath;
    try {
      resolved = this.resolve(path);
    } catch (error) {
      if (error instanceof ApiFailure && error.result === 2002) throw new ApiFailure(2005);
      throw error;
    }
    if (resolved.name === undefined) return resolved.parent;
    const folder = this.tree.childFolder(resolved.parent, resolved.name);
    if (!folder) throw new ApiFailure(2005);
    return folder;
  }

  /** A file by path: 2009 when missing, 2002 when a parent is missing. */
  fileByPath(path: string): FileNode {
    const { parent, name } = this.resolve(path);
    const file = name === undefined ? undefined : this.tree.childFile(parent, name);
    if (!file) throw new ApiFailure(2009);
    return file;
  }

  /** The caller-relative path of a folder or file. */
  pathOf(node: FolderNode | FileNode): string {
    const names: string[] = [];
    let current: FolderNode | FileNode | undefined = node;
    while (current && !(current.kind === 'folder' && current.id === this.rootId)) {
      names.push(current.name);
      current = current.parentId === undefined ? undefined : this.tree.folders.get(current.parentId);
    }
    return `/${names.reverse().join('/')}`;
  }
}
