/** The account's public links (`listpublinks`), expired and used-up ones included. */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FileMetadata, FolderMetadata, PublicLink } from '../client/types.js';
import { checkedLinkUrl } from './public-link-answer.js';

/** Every public link of the account, oldest first as pCloud lists them; each `link` checked to be an http(s) URL. */
export async function listPublicLinks(client: PCloudClient, call?: CallOptions): Promise<PublicLink[]> {
  const answer = await client.call('listpublinks', {}, call);
  const publinks = Array.isArray(answer.publinks) ? answer.publinks : [];
  for (const entry of publinks) checkedLinkUrl(entry.link, 'listpublinks');
  return publinks;
}

/** The links among `links` that point at a file or folder (by `fileid` or `folderid`). */
export function linksTo(links: readonly PublicLink[], item: { fileid: number } | { folderid: number }): PublicLink[] {
  return links.filter((link) =>
    'fileid' in item
      ? link.metadata.isfolder === false && (link.metadata as FileMetadata).fileid === item.fileid
      : link.metadata.isfolder === true && (link.metadata as FolderMetadata).folderid === item.folderid,
  );
}
