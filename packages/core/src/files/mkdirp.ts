/**
 * A folder and its missing parents (`createfolderifnotexists`, pcloud-api.md §3.3). The full
 * path is tried first, so an existing parent chain costs one call; only when a parent is
 * missing (2002) are the ancestors created, top-down.
 */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FolderMetadata } from '../client/types.js';
import { ApiError } from '../errors.js';
import { normalizeRemotePath, remoteDirname } from '../location/remote-path.js';
import { Result } from '../result-codes.js';
import { stat } from './stat.js';

/** The result of {@link mkdirp}: the folder, and whether this call created it. */
export interface MkdirpResult {
  metadata: FolderMetadata;
  created: boolean;
}

/** Creates a folder by absolute path together with missing parents (`createfolderifnotexists`); an existing folder is fine. */
export async function mkdirp(client: PCloudClient, path: string, call?: CallOptions): Promise<MkdirpResult> {
  const target = normalizeRemotePath(path).path;
  if (target === '/') return { metadata: (await stat(client, { folderid: 0 }, call)) as FolderMetadata, created: false };
  try {
    const answer = await client.call('createfolderifnotexists', { path: target }, call);
    return { metadata: answer.metadata, created: answer.created };
  } catch (error) {
    if (!(error instanceof ApiError && error.result === Result.parentMissing)) throw error;
  }
  const parent = await mkdirp(client, remoteDirname(target), call);
  const name = target.slice(target.lastIndexOf('/') + 1);
  const answer = await client.call('createfolderifnotexists', { folderid: parent.metadata.folderid, name }, call);
  return { metadata: answer.metadata, created: answer.created };
}
