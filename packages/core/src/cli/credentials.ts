import { login } from '../auth/login.js';
import type { ClientOptions } from '../client/client-options.js';
import { createClient } from '../client/create-client.js';
import { regionOfEndpoint } from '../client/region.js';
import type { ConfigStore } from '../config/config-store.js';
import { loginSettings } from '../config/login-settings.js';
import { saveLogin } from '../config/save-login.js';
import { PCloudError } from '../errors.js';
import { registerSecret } from '../redact.js';
import type { RemoteLocation } from '../location/parse-location.js';
import type { CommonOptions } from './common-options.js';
import type { CliIo } from './io.js';
import type { Output } from './output.js';

/** A token and the endpoint it is for: an OAuth access token, or a legacy `auth` session token. */
export type Credentials = OAuthCredentials | { auth: string; accessToken?: never; endpoint: string };

/** An OAuth access token and the endpoint it is for. */
export type OAuthCredentials = { accessToken: string; auth?: never; endpoint: string };

/** What finding or obtaining a token needs. */
export interface CredentialSources {
  bin: string;
  options: CommonOptions;
  config: ConfigStore;
  io: CliIo;
  out: Output;
  /** Connection settings (CA, timeout, logger, signal) for the login's own calls; read when needed. */
  connection: () => Pick<ClientOptions, 'ca' | 'timeout' | 'logger' | 'signal' | 'insecureHttp'>;
}

/** Finds the token for a location, logging in when needed; one login at most per run. */
export type CredentialResolver = (location?: RemoteLocation) => Promise<Credentials>;

/**
 * Token precedence: a `pcloud://…?authid=` location, then a legacy `auth` token (`PCLOUD_AUTH`, the
 * config's `auth`), then `PCLOUD_ACCESS_TOKEN`, then the config file (`access_token`/`access-token`). With none of them, or with `-r`, the OAuth login runs —
 * only at a terminal — and its token and region are saved in the config under the lock.
 */
export function createCredentialResolver(sources: CredentialSources): CredentialResolver {
  let fresh: Promise<OAuthCredentials> | undefined;
  return async (location) => {
    registerSecret(location?.accessToken);
    if (location?.accessToken) return { accessToken: location.accessToken, endpoint: location.endpoint ?? sources.options.endpoint };
    if (!sources.options.reauth) {
      // A legacy `auth` token is taken only when the user set one: pCloud accepts it for the
      // methods it refuses to OAuth tokens since 2026 (playlists, token lists), where it still works.
      const legacy = sources.io.env.PCLOUD_AUTH || sources.config.data.auth;
      registerSecret(legacy);
      if (legacy) return { auth: legacy, endpoint: location?.endpoint ?? sources.options.endpoint };
      const stored = sources.io.env.PCLOUD_ACCESS_TOKEN || sources.config.accessToken();
      if (stored) return { accessToken: stored, endpoint: location?.endpoint ?? sources.options.endpoint };
    }
    fresh ??= interactiveLogin(sources, location?.endpoint);
    const obtained = await fresh;
    return { accessToken: obtained.accessToken, endpoint: location?.endpoint ?? obtained.endpoint };
  };
}

async function interactiveLogin(sources: CredentialSources, locationEndpoint: string | undefined): Promise<OAuthCredentials> {
  const { bin, options, config, io, out } = sources;
  if (!io.isTTY) {
    throw new PCloudError('AUTH_ERROR', options.reauth ? 'cannot log in: -r needs a terminal' : 'no pCloud access token', {
      hint: `set PCLOUD_ACCESS_TOKEN, store one with 'pcloud-token login' (or 'pcloud-token login --token -' for a token from elsewhere), or run '${bin} -r' once in a terminal`,
    });
  }
  // The login follows the region pCloud's redirect names, unless the endpoint was chosen (-e,
  // PCLOUD_ENDPOINT, a location) or is not one of pCloud's hosts (an emulator has one region only).
  const configured = locationEndpoint ?? options.endpoint;
  const ownServer = regionOfEndpoint(configured) === undefined;
  const explicit = locationEndpoint !== undefined || options.explicitEndpoint || ownServer ? configured : undefined;
  const result = await login({
    ...loginSettings(config, configured),
    ...(explicit !== undefined ? { endpoint: explicit } : {}),
    output: (line) => out.info(line),
    input: io.stdin,
    openBrowser: io.openBrowser ?? false,
    ...(io.signal ? { signal: io.signal } : {}),
    client: sources.connection(),
  });
  const username = options.username;
  await saveLogin(config, { accessToken: result.accessToken, endpoint: result.endpoint, username });
  out.info(`Logged in; the token is saved in ${config.path}`);
  if (username !== undefined) await warnOnOtherAccount(sources, result, username);
  return { accessToken: result.accessToken, endpoint: result.endpoint };
}

async function warnOnOtherAccount(sources: CredentialSources, credentials: OAuthCredentials, username: string): Promise<void> {
  const client = createClient({ ...sources.connection(), endpoint: credentials.endpoint, accessToken: credentials.accessToken });
  try {
    const { email } = await client.call('userinfo');
    if (email.toLowerCase() !== username.toLowerCase()) {
      sources.out.warn(`you authorised the account ${email}, not ${username} (-u); the token is for ${email}`);
    }
  } finally {
    await client.close();
  }
}
