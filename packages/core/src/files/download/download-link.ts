/**
 * Download links (`getfilelink`, pcloud-api.md §4.9, §10): the URLs of one file on each
 * content host the server listed, preferred host first. The path comes already
 * percent-encoded and is used exactly as given.
 */
import type { CallOptions, PCloudClient } from '../../client/create-client.js';
import type { FileRef } from '../../client/method-table.js';

/** `http` or `https`: the content hosts' scheme. */
export type DownloadScheme = 'http' | 'https';

/** A fresh link: one URL per host, in the server's order. */
export interface DownloadLink {
  urls: string[];
  /** The link's expiry as the server wrote it. */
  expires: string | number;
}

/** The scheme of the client's API endpoint, which the content hosts share unless told otherwise. */
export function endpointScheme(client: PCloudClient): DownloadScheme {
  return client.endpoint.protocol === 'http:' ? 'http' : 'https';
}

/** Asks for a fresh download link of a file, by id or path (`getfilelink`); every call gives a new path. */
export async function getDownloadLink(
  client: PCloudClient,
  file: number | FileRef,
  scheme: DownloadScheme,
  call?: CallOptions,
): Promise<DownloadLink> {
  const answer = await client.call('getfilelink', typeof file === 'number' ? { fileid: file } : file, call);
  const path = answer.path.startsWith('/') ? answer.path : `/${answer.path}`;
  return { urls: answer.hosts.map((host) => `${scheme}://${host}${path}`), expires: answer.expires };
}
