/**
 * Every account's file tree, the shared id counters and blob reference counts, over one
 * content store. Trees are made on first use, so every account the identity store creates
 * has an (empty) tree.
 */
import type { BlobStore } from './blob-store.js';
import { FileTree, type TreeHooks } from './file-tree.js';
import { contentFields, type FolderNode } from './tree-nodes.js';
import { ApiFailure } from '../api/api-failure.js';

/** Counters persisted with the trees. */
export interface IdCounters {
  folder: number;
  file: number;
}

/** Owns the trees and the content store. */
export class TreeStore {
  readonly trees = new Map<number, FileTree>();
  readonly counters: IdCounters = { folder: 1000, file: 10000 };
  private readonly refs = new Map<string, number>();
  private readonly hooks: TreeHooks;
  /** Called after any change; persistence hooks in here. */
  onChange: () => void = () => undefined;

  constructor(
    readonly blobs: BlobStore,
    private readonly now: () => number,
  ) {
    this.hooks = {
      nextId: (kind) => this.counters[kind]++,
      retain: (blob) => this.refs.set(blob, (this.refs.get(blob) ?? 0) + 1),
      release: (blob) => this.release(blob),
      changed: () => this.onChange(),
    };
  }

  /** The tree of an account, created empty on first use. */
  tree(userid: number): FileTree {
    let tree = this.trees.get(userid);
    if (!tree) {
      tree = new FileTree(this.hooks, this.now());
      this.trees.set(userid, tree);
    }
    return tree;
  }

  /** Creates (as needed) the folders of an absolute path, e.g. `/Applications/My App`; for app-folder tokens. */
  ensureFolderPath(userid: number, path: string): FolderNode {
    const tree = this.tree(userid);
    let folder = tree.root;
    for (const name of path.split('/').filter((part) => part !== '')) {
      folder = tree.childFolder(folder, name) ?? tree.createFolder(folder, name, this.now());
    }
    return folder;
  }

  /** Creates a file with the given content in an account's folder (seed helper for tests and demos). */
  async seedFile(userid: number, path: string, content: Buffer | string, locationid: 1 | 2, mtime?: number): Promise<number> {
    const slash = path.lastIndexOf('/');
    const folder = this.ensureFolderPath(userid, path.slice(0, slash));
    const name = path.slice(slash + 1);
    const blob = await this.blobs.write([Buffer.from(content)], locationid === 1 ? 'md5' : 'sha256');
    const tree = this.tree(userid);
    if (tree.childFile(folder, name)) throw new ApiFailure(2004);
    const now = this.now();
    const file = tree.attachFile({
      ...contentFields(blob),
      id: this.hooks.nextId('file'),
      parentId: folder.id,
      name,
      created: now,
      modified: mtime ?? now,
      deleted: false,
    });
    tree.touch(folder, now);
    return file.id;
  }

  private release(blob: string): void {
    const count = (this.refs.get(blob) ?? 1) - 1;
    if (count > 0) {
      this.refs.set(blob, count);
      return;
    }
    this.refs.delete(blob);
    this.blobs.remove(blob);
  }
}
