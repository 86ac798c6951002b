/**
 * Turns an authorization code into an access token (pcloud-api.md §7.3): with the app's client
 * secret through `oauth2_token` on the region's API host, or — so that no secret ships with
 * the client — through an exchange service that takes `client_id`, `code` and `hostname` and
 * answers pCloud's JSON. The code travels in a POST body, never in a URL.
 */
import { ApiError, PCloudError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { createClient, type PCloudClient } from '../client/create-client.js';
import type { ClientOptions } from '../client/client-options.js';
import type { LocationId } from '../client/types.js';

/** How to exchange a code. */
export interface ExchangeOptions {
  code: string;
  clientId: string;
  /** The app's secret: exchange directly with `oauth2_token`. */
  clientSecret?: string;
  /** Exchange service URL, used when there is no secret. */
  exchangeUrl?: string;
  /** API endpoint of the account's region (for `oauth2_token`; sent as `hostname` to a service). */
  endpoint: URL;
  /** Connection options (CA, timeout, user agent, logger, signal) for the exchange call. */
  client?: Pick<ClientOptions, 'ca' | 'timeout' | 'userAgent' | 'logger' | 'signal' | 'transport' | 'insecureHttp'>;
}

/** A fresh token and the region the server reported. */
export interface ExchangeResult {
  accessToken: string;
  locationid?: LocationId;
  userid?: number;
}

/** Exchanges a code; rejects with ApiError for a refused code, PCloudError for a bad configuration. */
export async function exchangeCode(options: ExchangeOptions): Promise<ExchangeResult> {
  registerSecret(options.code);
  if (options.clientSecret) registerSecret(options.clientSecret);
  let client: PCloudClient;
  let method: string;
  let params: Record<string, string>;
  if (options.clientSecret) {
    client = createClient({ ...options.client, endpoint: options.endpoint, retry: false });
    method = 'oauth2_token';
    params = { client_id: options.clientId, client_secret: options.clientSecret, code: options.code };
  } else if (options.exchangeUrl) {
    // The service's URL is the endpoint minus its last segment, which the transport appends as the
    // "method"; parameters go in the POST body, so a query in the configured URL is dropped.
    const url = new URL(options.exchangeUrl);
    const segments = url.pathname.split('/');
    method = decodeURIComponent(segments.pop() ?? '');
    url.pathname = segments.join('/') || '/';
    url.search = '';
    client = createClient({ ...options.client, endpoint: url, retry: false });
    params = { client_id: options.clientId, code: options.code, hostname: options.endpoint.href.replace(/\/+$/, '') };
  } else {
    throw new PCloudError('CONFIG_ERROR', "No way to exchange the login code: configure the app's client-secret or an exchange URL.");
  }
  try {
    const answer = await client.callRaw(method, params, { retry: false });
    if (typeof answer.access_token !== 'string' || answer.access_token === '') {
      throw new PCloudError('PROTOCOL_ERROR', `${method}: the answer carries no access token.`);
    }
    registerSecret(answer.access_token);
    const locationid = Number(answer.locationid);
    const userid = Number(answer.uid ?? answer.userid);
    return {
      accessToken: answer.access_token,
      ...(locationid === 1 || locationid === 2 ? { locationid } : {}),
      ...(Number.isInteger(userid) && userid > 0 ? { userid } : {}),
    };
  } catch (error) {
    // Report refusals under pCloud's method name whichever way the code was exchanged.
    if (error instanceof ApiError && method !== 'oauth2_token') {
      throw new ApiError('oauth2_token', error.result, { serverMessage: error.serverMessage });
    }
    throw error;
  } finally {
    await client.close();
  }
}
