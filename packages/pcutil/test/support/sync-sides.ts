import { mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isNotFound, type PCloudClient } from '@pcloud/core';
import type { Emulator } from '@pcloud/emulator';
import { localState, remoteState, type TreeState } from './tree-state.js';

/** One side of a sync as a test arranges it: a local folder or a pCloud one, with the same few edits. */
export interface TestSide {
  /** The folder as pcutil names it (`/tmp/x/tree`, `p:/x/tree`). */
  arg: string;
  /** Writes a file (parents created) with the given modification time. */
  put(rel: string, content: string, mtime: number): Promise<void>;
  mkdir(rel: string): Promise<void>;
  rename(rel: string, to: string, kind: 'file' | 'folder'): Promise<void>;
  remove(rel: string, kind: 'file' | 'folder'): Promise<void>;
  state(): Promise<TreeState>;
}

/** A local folder. */
export function localSide(root: string): TestSide {
  return {
    arg: root,
    async put(rel, content, mtime) {
      await mkdir(dirname(join(root, rel)), { recursive: true });
      await writeFile(join(root, rel), content);
      await utimes(join(root, rel), mtime, mtime);
    },
    mkdir: (rel) => mkdir(join(root, rel), { recursive: true }).then(() => undefined),
    rename: (rel, to) => rename(join(root, rel), join(root, to)),
    remove: (rel) => rm(join(root, rel), { recursive: true }),
    state: () => localState(root),
  };
}

/** A pCloud folder of the emulator's seeded account. */
export function remoteSide(emulator: Emulator, client: PCloudClient, path: string): TestSide {
  const at = (rel: string): string => `${path}/${rel}`;
  return {
    arg: `p:${path}`,
    async put(rel, content, mtime) {
      await client.call('deletefile', { path: at(rel) }).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
      await emulator.seedFile(at(rel), content, mtime);
    },
    mkdir: async (rel) => void emulator.seedFolder(at(rel)),
    rename: async (rel, to, kind) =>
      void (await client.call(kind === 'file' ? 'renamefile' : 'renamefolder', { path: at(rel), topath: at(to) })),
    remove: async (rel, kind) =>
      void (await (kind === 'file'
        ? client.call('deletefile', { path: at(rel) })
        : client.call('deletefolderrecursive', { path: at(rel) }))),
    state: () => remoteState(client, path),
  };
}
