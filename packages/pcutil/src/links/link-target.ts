import { type Metadata, PCloudError, type PCloudClient, tryStat } from '@pcloud/core';
import { escapeControl } from '@pcloud/core/internal';

/** The file or folder at a pCloud path; NOT_FOUND naming it when nothing is there. */
export async function linkTarget(client: PCloudClient, path: string): Promise<Metadata> {
  const found = await tryStat(client, { path });
  if (found === undefined) throw new PCloudError('NOT_FOUND', `p:${escapeControl(path)}: no such file or folder`);
  return found;
}

/** `fileid` or `folderid` of an item, as linksTo and the create calls take them. */
export function itemRef(item: Metadata): { fileid: number } | { folderid: number } {
  return item.isfolder ? { folderid: item.folderid } : { fileid: item.fileid };
}
