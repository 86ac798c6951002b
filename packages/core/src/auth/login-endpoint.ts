/**
 * Which API endpoint a fresh login belongs to (pcloud-api.md §7.2, §7.3): an endpoint the user
 * chose explicitly wins; otherwise the redirect's `hostname`, then a `locationid` (redirect or
 * exchange answer) — except that an emulator's own origin comes before a locationid — then EU.
 */
import { DEFAULT_ENDPOINT, REGIONS, regionOfLocation, resolveEndpoint } from '../client/region.js';

/** What is known about the account's region at some point of the login. */
export interface RegionClues {
  /** The endpoint given with `-e`; never overridden. */
  explicit?: string | URL;
  hostname?: string;
  locationid?: number;
  /** Scheme for a hostname that is not one of pCloud's (an emulator): taken from the authorize page. */
  fallbackProtocol?: string;
  /** The endpoint of a non-pCloud authorize page (an emulator), used before any locationid. */
  fallback?: URL;
}

/**
 * The API endpoint an authorize page implies when it is not pCloud's own (an emulator serves
 * its pages and its API from one origin); undefined for pCloud's page, which serves both regions.
 */
export function endpointOfAuthorizePage(authorizeUrl: string | undefined): URL | undefined {
  if (authorizeUrl === undefined) return undefined;
  const url = new URL(authorizeUrl);
  return /(^|\.)pcloud\.com$/i.test(url.hostname) ? undefined : new URL(url.origin);
}

/** The endpoint URL implied by the clues. */
export function endpointFromClues(clues: RegionClues): URL {
  if (clues.explicit !== undefined) return resolveEndpoint(clues.explicit);
  if (clues.hostname && /^[a-z0-9.[\]:-]+$/i.test(clues.hostname)) {
    const known = Object.values(REGIONS).some((region) => region.host === clues.hostname?.toLowerCase());
    const protocol = known ? 'https:' : (clues.fallbackProtocol ?? 'https:');
    return new URL(`${protocol}//${clues.hostname}`);
  }
  // An emulator's origin beats a locationid, which names pCloud's own hosts.
  if (clues.fallback) return new URL(clues.fallback.href);
  const region = regionOfLocation(clues.locationid);
  return new URL(region ? REGIONS[region].endpoint : DEFAULT_ENDPOINT);
}
