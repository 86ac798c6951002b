import type { RegionName } from '../client/region.js';
import { PCloudError } from '../errors.js';
import { parsePCloudUrl } from './pcloud-url.js';
import { normalizeRemotePath, type NormalizedPath } from './remote-path.js';
import { elide } from './elide.js';

/** A place in a pCloud account, parsed from `p:/path` or `pcloud://host/path?authid=…`. */
export interface RemoteLocation extends NormalizedPath {
  /** How the user wrote it. */
  form: 'p' | 'url';
  /** The API base URL a `pcloud://` location names; absent for `p:` (use the configured endpoint). */
  endpoint: string | undefined;
  /** `us` or `eu` when the location names one of pCloud's own hosts. */
  region: RegionName | undefined;
  /** The token carried by `?authid=`; it takes precedence over the environment and the config. */
  accessToken: string | undefined;
  /** Text to show the user for this location (`p:/a/b`, or the URL without its query). */
  display: string;
}

const URL_PREFIX = /^pcloud(?:\+http)?:\/\//i;

/** Whether a command-line argument names a pCloud location rather than a local path. */
export function isRemoteSpec(spec: string): boolean {
  return spec.startsWith('p:') || URL_PREFIX.test(spec);
}

function pDisplay(path: NormalizedPath): string {
  return `p:${path.path}${path.trailingSlash && path.path !== '/' ? '/' : ''}`;
}

function fromP(spec: string): RemoteLocation {
  const rest = spec.slice(2);
  if (!rest.startsWith('/')) {
    throw new PCloudError('INVALID_LOCATION', `invalid location ${elide(spec)}: a pCloud path after p: must be absolute`, {
      hint: `write p:/${rest}`,
    });
  }
  const path = normalizeRemotePath(rest, spec);
  return { ...path, form: 'p', endpoint: undefined, region: undefined, accessToken: undefined, display: pDisplay(path) };
}

/**
 * Parses a remote location: `p:/absolute/path` (the original tools' prefix) or the Duplicati
 * form `pcloud://<host>/<folder>?authid=<token>` (see {@link parsePCloudUrl}). Malformed specs
 * are refused with an INVALID_LOCATION (or INVALID_NAME) error that never shows a token.
 */
export function parseLocation(spec: string): RemoteLocation {
  if (spec.startsWith('p:')) return fromP(spec);
  if (URL_PREFIX.test(spec)) return { ...parsePCloudUrl(spec), form: 'url' };
  throw new PCloudError('INVALID_LOCATION', `invalid location ${elide(spec)}: a pCloud location starts with p:/ or pcloud://`);
}

/**
 * Parses a path the way `pcutil rm` takes it: `p:` is optional and a bare path is taken from the
 * pCloud root (`rm tmp` means `p:/tmp`).
 */
export function parseRootRelativeLocation(spec: string): RemoteLocation {
  if (isRemoteSpec(spec)) return parseLocation(spec);
  if (spec === '') throw new PCloudError('INVALID_LOCATION', 'invalid location: the path is empty');
  const path = normalizeRemotePath(spec, spec);
  return { ...path, form: 'p', endpoint: undefined, region: undefined, accessToken: undefined, display: pDisplay(path) };
}
