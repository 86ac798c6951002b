import type { RemoteLocation } from '@pcloud/core';
import { regionOfEndpoint } from '@pcloud/core/internal';

/**
 * The account root at `endpoint` reached with `token`, as a location: handing it to the
 * context's `client()` gives a client with the tool's CA, timeout and logger for that token,
 * whatever the config or environment hold.
 */
export function tokenLocation(endpoint: string, token: string): RemoteLocation {
  return {
    path: '/',
    trailingSlash: true,
    form: 'url',
    endpoint,
    region: regionOfEndpoint(endpoint),
    accessToken: token,
    display: endpoint,
  };
}
