/**
 * Creating public links to a file or a folder (`getfilepublink`, `getfolderpublink`). pCloud may
 * answer an item's existing link unchanged instead of a new one, so when limits are asked for
 * they are set again with `changepublink`: the link answered then has them either way.
 */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FileRef, FolderRef } from '../client/method-table.js';
import type { PublicLinkCodes } from '../client/types.js';
import { changePublicLink } from './change-public-link.js';
import { limitParams, type PublicLinkLimits } from './public-link-limits.js';
import { checkedCodes } from './public-link-answer.js';

async function withLimits(
  client: PCloudClient,
  method: string,
  answer: PublicLinkCodes,
  limits: PublicLinkLimits,
  call?: CallOptions,
): Promise<PublicLinkCodes> {
  const codes = checkedCodes(answer, method);
  if (Object.keys(limitParams(limits)).length > 0) await changePublicLink(client, codes.linkid, limits, call);
  return codes;
}

/** A public link to a file, by id or path (`getfilepublink`), with the limits given; rejects with 2009 for a missing file. */
export async function createFileLink(
  client: PCloudClient,
  ref: FileRef,
  limits: PublicLinkLimits = {},
  call?: CallOptions,
): Promise<PublicLinkCodes> {
  const answer = await client.call('getfilepublink', { ...ref, ...limitParams(limits) }, call);
  return withLimits(client, 'getfilepublink', answer, limits, call);
}

/** A public link to a folder, by id or path (`getfolderpublink`), with the limits given; pCloud refuses the root folder (2015). */
export async function createFolderLink(
  client: PCloudClient,
  ref: FolderRef,
  limits: PublicLinkLimits = {},
  call?: CallOptions,
): Promise<PublicLinkCodes> {
  const answer = await client.call('getfolderpublink', { ...ref, ...limitParams(limits) }, call);
  return withLimits(client, 'getfolderpublink', answer, limits, call);
}
