import { ApiError, REGIONS, type PCloudClient, type UserInfo } from '@pcloud/core';
import { getUserInfo, regionOfEndpoint } from '@pcloud/core/internal';

/** A token checked with `userinfo`: the account and the endpoint that accepted it. */
export interface CheckedToken {
  user: UserInfo;
  endpoint: string;
}

/**
 * The other region's endpoint: pCloud's other API host, or for other hosts (a proxy, a local
 * emulator) the endpoint the user named with `--other-endpoint`.
 */
export function otherRegionEndpoint(endpoint: string, named: string | undefined): string | undefined {
  if (named) return named.replace(/\/+$/, '');
  const region = regionOfEndpoint(endpoint);
  if (region === undefined) return undefined;
  return REGIONS[region === 'eu' ? 'us' : 'eu'].endpoint;
}

/**
 * Checks a token obtained elsewhere (a Duplicati AuthID, say) with `userinfo` at the configured
 * endpoint; when that region refuses it as foreign (2094), tries the other region once.
 */
export async function checkTokenRegion(
  clientFor: (endpoint: string) => Promise<PCloudClient>,
  endpoint: string,
  other: string | undefined,
): Promise<CheckedToken> {
  try {
    return { user: await getUserInfo(await clientFor(endpoint)), endpoint };
  } catch (error) {
    if (!(error instanceof ApiError) || error.result !== 2094 || other === undefined) throw error;
    return { user: await getUserInfo(await clientFor(other)), endpoint: other };
  }
}
