/** Changing a public link's limits (`changepublink`): set them, or remove them with `null`. */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { MethodParams } from '../client/method-table.js';
import { PCloudError } from '../errors.js';
import { expireSeconds, positiveCount } from './public-link-limits.js';

/** Changes to a link's limits: a value sets one, `null` removes it (the link then never expires, or has no cap). */
export interface PublicLinkChanges {
  expire?: Date | number | null;
  maxDownloads?: number | null;
  maxTraffic?: number | null;
}

/** Applies the changes to the link `linkid` (`changepublink`); USAGE_ERROR when there are none, 2027 for a link that is gone. */
export async function changePublicLink(
  client: PCloudClient,
  linkid: number,
  changes: PublicLinkChanges,
  call?: CallOptions,
): Promise<void> {
  const params: MethodParams<'changepublink'> = { linkid };
  if (changes.expire === null) params.deleteexpire = true;
  else if (changes.expire !== undefined) params.expire = expireSeconds(changes.expire);
  // pCloud reads a limit of 0 as "unlimited".
  if (changes.maxDownloads !== undefined)
    params.maxdownloads = changes.maxDownloads === null ? 0 : positiveCount(changes.maxDownloads, 'maximum downloads');
  if (changes.maxTraffic !== undefined)
    params.maxtraffic = changes.maxTraffic === null ? 0 : positiveCount(changes.maxTraffic, 'maximum traffic');
  if (Object.keys(params).length === 1) throw new PCloudError('USAGE_ERROR', `Nothing to change on public link ${linkid}.`);
  await client.call('changepublink', params, call);
}
