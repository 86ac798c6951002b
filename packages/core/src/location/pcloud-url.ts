import { REGIONS, type RegionName } from '../client/region.js';
import { PCloudError } from '../errors.js';
import { normalizeSegments, type NormalizedPath } from './remote-path.js';
import { hasTrailingSlash } from './trailing-slash.js';

function regionOfHost(host: string): RegionName | undefined {
  return host === REGIONS.eu.host ? 'eu' : host === REGIONS.us.host ? 'us' : undefined;
}

/** What a `pcloud://` URL names, besides the path. */
export interface PCloudUrlParts extends NormalizedPath {
  /** API base URL the location lives on, e.g. `https://eapi.pcloud.com` or `http://127.0.0.1:8080`. */
  endpoint: string;
  /** Region for pCloud's own hosts; absent for a local emulator. */
  region: RegionName | undefined;
  /** The `authid` query parameter: the access token for this location. */
  accessToken: string | undefined;
  /** The URL without its query, safe to print. */
  display: string;
}

const URL_SHAPE = /^(pcloud|pcloud\+http):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(#.*)?$/i;
const AUTHORITY = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::([0-9]{1,5}))?$/i;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function decodePart(part: string, what: string, display: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new PCloudError('INVALID_LOCATION', `invalid location ${display}: bad percent-encoding in the ${what}`);
  }
}

function endpointOf(scheme: string, authority: string, display: string): Pick<PCloudUrlParts, 'endpoint' | 'region'> {
  const match = AUTHORITY.exec(authority);
  if (authority.includes('@') || !match) {
    throw new PCloudError('INVALID_LOCATION', `invalid location ${display}: expected a host such as eapi.pcloud.com after ${scheme}://`);
  }
  const host = (match[1] ?? match[2] ?? '').toLowerCase();
  const port = match[3] === undefined ? undefined : Number(match[3]);
  if (port !== undefined && (port < 1 || port > 65535)) {
    throw new PCloudError('INVALID_LOCATION', `invalid location ${display}: port ${match[3]} is out of range`);
  }
  const region = regionOfHost(host);
  if (region !== undefined) {
    // A token must never travel in clear text to the real service, nor to a port it does not serve HTTPS on.
    if (scheme !== 'pcloud') {
      throw new PCloudError(
        'INVALID_LOCATION',
        `invalid location ${display}: ${scheme}:// is only for a local emulator; use pcloud://${host}/…`,
      );
    }
    if (port !== undefined && port !== 443) {
      throw new PCloudError('INVALID_LOCATION', `invalid location ${display}: ${host} serves HTTPS on port 443 only`);
    }
    return { endpoint: `https://${host}`, region };
  }
  // Only pCloud's hosts or this machine: a location must never send its token anywhere else.
  if (!isLoopback(host)) {
    throw new PCloudError(
      'INVALID_LOCATION',
      `invalid location ${display}: host "${host}" is neither api.pcloud.com (US), eapi.pcloud.com (EU) nor a loopback address`,
    );
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  const protocol = scheme === 'pcloud' ? 'https' : 'http';
  return { endpoint: `${protocol}://${shown}${port === undefined ? '' : `:${port}`}`, region: undefined };
}

function tokenOf(query: string | undefined, display: string): string | undefined {
  if (query === undefined || query === '') return undefined;
  let token: string | undefined;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodePart(eq < 0 ? pair : pair.slice(0, eq), 'query', display);
    if (name.toLowerCase() !== 'authid') {
      throw new PCloudError('INVALID_LOCATION', `invalid location ${display}: unknown parameter "${name}" (only authid is understood)`);
    }
    if (token !== undefined) throw new PCloudError('INVALID_LOCATION', `invalid location ${display}: authid is given twice`);
    const value = eq < 0 ? '' : decodePart(pair.slice(eq + 1), 'authid', display);
    if (value === '') throw new PCloudError('INVALID_LOCATION', `invalid location ${display}: authid is empty`);
    token = value;
  }
  return token;
}

/**
 * Parses the Duplicati form `pcloud://<host>/<folder>/<sub>?authid=<token>`. `<host>` is
 * `api.pcloud.com` (US) or `eapi.pcloud.com` (EU) over HTTPS; for a local emulator a loopback
 * host with a port, `pcloud://127.0.0.1:PORT/…` over HTTPS or `pcloud+http://127.0.0.1:PORT/…`
 * over plain HTTP. Path segments are percent-decoded. Errors never show the authid.
 */
export function parsePCloudUrl(spec: string): PCloudUrlParts {
  const shape = URL_SHAPE.exec(spec);
  const queryAt = spec.indexOf('?');
  const display = queryAt < 0 ? spec : `${spec.slice(0, queryAt)}?…`;
  if (!shape) throw new PCloudError('INVALID_LOCATION', `invalid location ${display}: expected pcloud://<host>/<folder>?authid=<token>`);
  const scheme = (shape[1] ?? '').toLowerCase();
  if (shape[5] !== undefined)
    throw new PCloudError('INVALID_LOCATION', `invalid location ${display.replace(/#.*$/, '#…')}: a location has no #fragment`);
  const where = endpointOf(scheme, shape[2] ?? '', display);
  const rawPath = shape[3] ?? '';
  const segments = rawPath.split('/').map((segment) => decodePart(segment, 'path', display));
  const path = normalizeSegments(segments, hasTrailingSlash(segments.join('/')), display);
  return { ...path, ...where, accessToken: tokenOf(shape[4], display), display: `${scheme}://${shape[2] ?? ''}${rawPath}` };
}
