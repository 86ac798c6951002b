/**
 * Downloading a file to a local path (`checksumfile` + `getfilelink`, pcloud-api.md §4.8–§4.9,
 * §10): the bytes go to a temporary file beside the target, which replaces the target only
 * when complete and its sha1 equals the server's, with the remote modification time set.
 * On abort or any error the temporary file is removed.
 */
import type { PCloudClient } from '../../client/create-client.js';
import type { FileRef } from '../../client/method-table.js';
import { parsePCloudDate } from '../../date-format.js';
import { downloadVerified } from './download-content.js';
import type { DownloadOptions, DownloadResult } from './download-types.js';
import { createPartialFile } from './partial-file.js';

/** Downloads a remote file to `localPath` atomically and verified, keeping its modification time (`checksumfile`, `getfilelink`). */
export async function downloadFile(
  client: PCloudClient,
  ref: FileRef,
  localPath: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const partial = await createPartialFile(localPath);
  try {
    const result = await downloadVerified(client, ref, options, (chunk) => partial.append(chunk));
    await partial.commit(parsePCloudDate(result.metadata.modified));
    return result;
  } catch (error) {
    await partial.discard();
    throw error;
  }
}
