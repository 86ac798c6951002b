/**
 * Persistence under `--data-dir`: content in `blobs/` (disk blob store), resumable uploads' bytes
 * in `uploads/`, metadata in `state.json` — every account's tree, the id counters, the seeded
 * token, tokens and collections, download and public links and upload sessions — so clients keep working
 * across a restart. Saves are debounced and atomic (temporary file + rename).
 */
import { join, resolve } from 'node:path';
import type { CollectionSnapshot } from './collection-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import type { DownloadLinksSnapshot } from './download-links.js';
import type { EmulatorState } from './emulator-state.js';
import type { FileTree } from './file-tree.js';
import type { IdentitySnapshot } from './identity-store.js';
import type { PublicLinksSnapshot } from './public-links.js';
import { DataDirError, prepareDataDir, readStateFile, writeStateFile } from './state-file.js';
import type { FileRecord, FolderRecord } from './tree-nodes.js';
import type { UploadSessionsSnapshot } from './upload-sessions.js';

type StoredFile = Omit<FileRecord, 'hash'> & { hash: string };
interface StoredTree {
  folders: FolderRecord[];
  files: StoredFile[];
}
interface StoredState {
  version: 1;
  counters: { folder: number; file: number };
  seedAccessToken: string;
  trees: Record<string, StoredTree>;
  /** Tokens and collections (absent in files written before they were persisted). */
  identity?: IdentitySnapshot;
  collections?: CollectionSnapshot;
  /** Download links and upload sessions (absent in older files). */
  links?: DownloadLinksSnapshot;
  uploads?: UploadSessionsSnapshot;
  /** Public links (absent in older files). */
  publinks?: PublicLinksSnapshot;
}

/** The data dir's handle. */
export interface Persistence {
  blobs: DiskBlobStore;
  /** Seed values to reuse (the ready token stays valid across restarts). */
  seed: { accessToken?: string };
  /** Restores the saved state into a fresh one (reopening upload sessions) and saves on every change from now on. */
  attach(state: EmulatorState): Promise<void>;
  /** Writes pending changes now. */
  flush(): Promise<void>;
}

const SAVE_DELAY_MS = 50;
/**
 * Every save writes the whole state, so a big one (thousands of files) would cost more than the
 * calls that change it: the wait after a change is at least this many times the last save's
 * duration (saves then take at most a tenth of the time), and at most MAX_SAVE_DELAY_MS.
 */
const SAVE_COST_FACTOR = 10;
const MAX_SAVE_DELAY_MS = 2000;

/** How long a change waits for its save, after a save that took `lastSaveMs`. */
export function saveDelayAfter(lastSaveMs: number): number {
  return Math.min(MAX_SAVE_DELAY_MS, Math.max(SAVE_DELAY_MS, lastSaveMs * SAVE_COST_FACTOR));
}

function restoreTree(tree: FileTree, stored: StoredTree): void {
  const children = new Map<number, FolderRecord[]>();
  for (const folder of stored.folders) {
    if (folder.parentId === undefined) Object.assign(tree.root, { created: folder.created, modified: folder.modified });
    else children.set(folder.parentId, [...(children.get(folder.parentId) ?? []), folder]);
  }
  // Parents before children, whatever order moves left the ids in.
  const queue = [0];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const folder of children.get(id) ?? []) {
      tree.attachFolder(folder);
      queue.push(folder.id);
    }
  }
  for (const file of stored.files) if (tree.folders.has(file.parentId)) tree.attachFile({ ...file, hash: BigInt(file.hash) });
}

function snapshot(state: EmulatorState): StoredState {
  const trees: Record<string, StoredTree> = {};
  for (const [userid, tree] of state.files.trees) {
    trees[userid] = {
      folders: [...tree.folders.values()].map(({ id, parentId, name, created, modified, deleted }) => ({
        id,
        parentId,
        name,
        created,
        modified,
        deleted,
      })),
      files: [...tree.files.values()].map(({ kind: _kind, hash, ...file }) => ({ ...file, hash: hash.toString() })),
    };
  }
  return {
    version: 1,
    counters: { ...state.files.counters },
    seedAccessToken: state.identity.seeded.accessToken,
    trees,
    identity: state.identity.snapshot(),
    collections: state.collections.snapshot(),
    links: state.links.snapshot(),
    uploads: state.uploads.snapshot(),
    publinks: state.publinks.snapshot(),
  };
}

/** Opens (creating as needed) a data dir. */
export function openPersistence(dataDir: string): Persistence {
  const root = resolve(dataDir);
  prepareDataDir(root);
  const file = join(root, 'state.json');
  const saved = readStateFile(file) as StoredState | undefined;
  if (saved !== undefined && (saved?.version !== 1 || typeof saved.trees !== 'object' || saved.trees === null)) {
    throw new DataDirError(`${file} is not an emulator state (version 1); refusing to start so its files are not orphaned`);
  }
  let timer: NodeJS.Timeout | undefined;
  let target: EmulatorState | undefined;
  let lastSaveMs = 0;
  const save = (): void => {
    timer = undefined;
    if (!target) return;
    const started = performance.now();
    writeStateFile(file, snapshot(target));
    lastSaveMs = performance.now() - started;
  };
  return {
    blobs: new DiskBlobStore(root),
    seed: saved?.seedAccessToken ? { accessToken: saved.seedAccessToken } : {},
    async attach(state) {
      if (saved) {
        Object.assign(state.files.counters, saved.counters);
        for (const [userid, stored] of Object.entries(saved.trees)) restoreTree(state.files.tree(Number(userid)), stored);
      }
      if (saved?.identity) state.identity.restore(saved.identity);
      if (saved?.collections) state.collections.restore(saved.collections);
      if (saved?.links) state.links.restore(saved.links);
      if (saved?.publinks) state.publinks.restore(saved.publinks);
      await state.uploads.restore(saved?.uploads ?? { nextId: 0, sessions: [] });
      target = state;
      const schedule = (): void => {
        timer ??= setTimeout(save, saveDelayAfter(lastSaveMs));
      };
      state.files.onChange = schedule;
      state.identity.onChange = schedule;
      state.collections.onChange = schedule;
      state.links.onChange = schedule;
      state.publinks.onChange = schedule;
      state.uploads.onChange = schedule;
      save();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      save();
    },
  };
}
