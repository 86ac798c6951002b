/**
 * pCloud's two regions (pcloud-api.md §1.1, §1.5): a user's data lives in exactly one, and a
 * token is only accepted by its own region's API host.
 */
import { PCloudError } from '../errors.js';
import type { LocationId } from './types.js';

/** A region's short name, as the `-e` option takes it. */
export type RegionName = 'eu' | 'us';

/** The region table: EU is locationid 2 (the default), US is locationid 1. */
export const REGIONS: {
  readonly [R in RegionName]: { readonly locationid: LocationId; readonly endpoint: string; readonly host: string };
} = {
  eu: { locationid: 2, endpoint: 'https://eapi.pcloud.com', host: 'eapi.pcloud.com' },
  us: { locationid: 1, endpoint: 'https://api.pcloud.com', host: 'api.pcloud.com' },
};

/** The endpoint used when none is configured (EU, as the original). */
export const DEFAULT_ENDPOINT = REGIONS.eu.endpoint;

/**
 * Reads an endpoint option: `eu`, `us`, an http(s) URL, or a bare host (`eapi.pcloud.com`,
 * taken as HTTPS). Throws a USAGE_ERROR naming the bad value.
 */
export function resolveEndpoint(value: string | URL | undefined): URL {
  if (value === undefined || value === '') return new URL(DEFAULT_ENDPOINT);
  if (value instanceof URL) return new URL(value.href);
  const lower = value.trim().toLowerCase();
  if (lower === 'eu' || lower === 'us') return new URL(REGIONS[lower].endpoint);
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value.trim() : `https://${value.trim()}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PCloudError('USAGE_ERROR', `Invalid endpoint '${value}': expected eu, us or an http(s) URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PCloudError('USAGE_ERROR', `Invalid endpoint '${value}': only http and https URLs are supported.`);
  }
  // Credentials never travel in URLs: refuse an endpoint that would carry some on every call.
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    const bare = `${url.protocol}//${url.host}${url.pathname}`;
    throw new PCloudError('USAGE_ERROR', `Invalid endpoint '${bare}…': it must not carry a query, fragment or user info.`);
  }
  return url;
}

/** The region an endpoint belongs to, or undefined for any other host (an emulator, a proxy). */
export function regionOfEndpoint(endpoint: URL | string): RegionName | undefined {
  const host = (typeof endpoint === 'string' ? resolveEndpoint(endpoint) : endpoint).hostname.toLowerCase();
  if (host === REGIONS.eu.host) return 'eu';
  if (host === REGIONS.us.host) return 'us';
  return undefined;
}

/** The region of a pCloud `locationid` (1 US, 2 EU), or undefined for another value. */
export function regionOfLocation(locationid: unknown): RegionName | undefined {
  const id = Number(locationid);
  return id === 1 ? 'us' : id === 2 ? 'eu' : undefined;
}

/**
 * The hint for a 2094 answer ("Invalid 'access_token' provided."): a token from the other
 * region is refused with this code, so name the other region and the option that selects it.
 */
export function regionHint(endpoint: URL): string {
  const region = regionOfEndpoint(endpoint);
  if (region === 'eu')
    return 'The token may belong to a US account: try the US endpoint with `-e us` (https://api.pcloud.com), or log in again with -r.';
  if (region === 'us')
    return 'The token may belong to an EU account: try the EU endpoint with `-e eu` (https://eapi.pcloud.com), or log in again with -r.';
  return `The token is not valid for ${endpoint.host}: check the endpoint (\`-e eu\` or \`-e us\`), or log in again with -r.`;
}
