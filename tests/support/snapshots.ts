/** Before/after pictures of everything a failed command must leave alone: local files and pCloud. */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { walkTree, type FolderMetadata, type PCloudClient } from '@pcloud/core';

/** Every path under a local folder with its kind, size, mode, mtime and content digest. */
export async function localSnapshot(root: string): Promise<string[]> {
  const lines: string[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      const info = await lstat(path);
      const digest = info.isFile()
        ? createHash('sha256')
            .update(await readFile(path))
            .digest('hex')
        : info.isSymbolicLink()
          ? await readlink(path)
          : '';
      lines.push(
        `${rel}${name} ${info.isDirectory() ? 'd' : info.isFile() ? 'f' : 'o'} ${info.size} ${info.mode.toString(8)} ${info.mtimeMs} ${digest}`,
      );
      if (info.isDirectory()) await visit(path, `${rel}${name}/`);
    }
  };
  await visit(root, '');
  return lines;
}

/** Every item of the pCloud account (ids, hashes, times) and every playlist with its tracks. */
export async function remoteSnapshot(client: PCloudClient): Promise<string[]> {
  const { root } = await walkTree(client, { folderid: 0 });
  const lines: string[] = [];
  const visit = (folder: FolderMetadata, path: string): void => {
    for (const item of folder.contents ?? []) {
      lines.push(
        item.isfolder
          ? `${path}${item.name}/ ${item.folderid} ${item.modified}`
          : `${path}${item.name} ${item.fileid} ${item.hash} ${item.modified}`,
      );
      if (item.isfolder) visit(item, `${path}${item.name}/`);
    }
  };
  visit(root, '/');
  const { collections } = await client.call('collection_list', { showfiles: true });
  for (const c of collections) lines.push(`playlist ${c.id} ${c.name} ${(c.contents ?? []).map((f) => f.fileid).join(',')}`);
  return lines.sort();
}
