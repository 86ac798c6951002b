/**
 * The interactive OAuth2 login (pcloud-api.md §7): print the authorize URL, try to open a
 * browser, then take the code from whichever comes first — the redirect to a loopback listener
 * or a line the user pastes — and exchange it for a token. Neither the code nor the token is
 * ever printed or logged.
 */
import type { Readable } from 'node:stream';
import { concealFields } from '../conceal.js';
import { ApiError, PCloudError } from '../errors.js';
import { registerSecret } from '../redact.js';
import type { ExchangeOptions } from './exchange-code.js';
import { exchangeCode } from './exchange-code.js';
import { buildAuthorizeUrl, createState } from './authorize-url.js';
import { endpointFromClues, endpointOfAuthorizePage } from './login-endpoint.js';
import { startLoopbackListener, type LoopbackListener } from './loopback-listener.js';
import { openBrowser as defaultOpenBrowser } from './open-browser.js';
import { readPastedCode } from './paste-code.js';
import type { RedirectResult } from './redirect-result.js';
import { checkRedirect } from './trust-redirect.js';
import type { LocationId } from '../client/types.js';

/** Options of {@link login}. */
export interface LoginOptions {
  /** The app's client id. */
  clientId: string;
  /** The app's client secret: exchange with `oauth2_token` directly. */
  clientSecret?: string;
  /** Exchange service used when there is no secret. */
  exchangeUrl?: string;
  /** Authorize page (default pCloud's; an emulator's is `<apiUrl>/oauth2/authorize`). */
  authorizeUrl?: string;
  /** An endpoint chosen explicitly (`-e`): kept whatever the redirect says. */
  endpoint?: string | URL;
  /** Where instructions and the URL are printed, one line per call. */
  output: (line: string) => void;
  /** A terminal to read a pasted code from; without it only the loopback redirect is awaited. */
  input?: Readable;
  /** Listen on 127.0.0.1 for the redirect (default true). */
  loopback?: boolean;
  /** Opens the URL in a browser; `false` never tries. Default: xdg-open / open / start. */
  openBrowser?: ((url: string) => Promise<boolean>) | false;
  /** Gives up after this many ms (default 10 minutes). */
  waitMs?: number;
  signal?: AbortSignal;
  /** Connection options for the exchange (CA, timeout, user agent, logger). */
  client?: ExchangeOptions['client'];
}

/** A completed login. */
export interface LoginResult {
  accessToken: string;
  /** 1 US, 2 EU, when the redirect or the exchange said. */
  locationid: LocationId | undefined;
  /** The API endpoint to use with this token. */
  endpoint: string;
  userid?: number;
}

/** Runs the login; rejects with AUTH_ERROR/ApiError on refusal, ABORTED on abort or time-out. */
export async function login(options: LoginOptions): Promise<LoginResult> {
  const state = createState();
  const wait = AbortSignal.any([AbortSignal.timeout(options.waitMs ?? 600_000), ...(options.signal ? [options.signal] : [])]);
  const listener: LoopbackListener | undefined = options.loopback === false ? undefined : await startLoopbackListener({ state });
  const authorize = { clientId: options.clientId, ...(options.authorizeUrl ? { authorizeUrl: options.authorizeUrl } : {}) };
  try {
    const url = buildAuthorizeUrl({ ...authorize, state, ...(listener ? { redirectUri: listener.redirectUri } : {}) });
    options.output(`Open this address in a browser and allow access:\n  ${url}`);
    if (options.input) {
      const manual = buildAuthorizeUrl(authorize);
      options.output(
        `No browser on this machine? Open this address anywhere instead and paste the code it shows (or the address the browser ended on):\n  ${manual}`,
      );
    }
    const opener = options.openBrowser === false ? undefined : (options.openBrowser ?? defaultOpenBrowser);
    // Opening a browser is a convenience: whatever it does, the printed URL still works.
    if (opener)
      await Promise.resolve()
        .then(() => opener(url))
        .catch(() => false);

    const redirect = await firstCode(listener, options.input, wait);
    checkRedirect(redirect, { state, authorizeUrl: options.authorizeUrl });
    registerSecret(redirect.code);
    const fallbackProtocol = new URL(options.authorizeUrl ?? 'https://my.pcloud.com').protocol;
    const fallback = endpointOfAuthorizePage(options.authorizeUrl);
    const clues = {
      ...(options.endpoint !== undefined ? { explicit: options.endpoint } : {}),
      ...(redirect.hostname ? { hostname: redirect.hostname } : {}),
      ...(redirect.locationid !== undefined ? { locationid: redirect.locationid } : {}),
      ...(fallback ? { fallback } : {}),
      fallbackProtocol,
    };
    const exchangeAt = endpointFromClues(clues);
    const exchanged = await exchangeCode({
      code: redirect.code,
      clientId: options.clientId,
      endpoint: exchangeAt,
      ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
      ...(options.exchangeUrl ? { exchangeUrl: options.exchangeUrl } : {}),
      client: { ...options.client, signal: wait },
    }).catch((error: unknown) => {
      // A bare pasted code says nothing about the region; the guess (EU) may be the wrong one.
      const guessed = options.endpoint === undefined && !redirect.hostname && redirect.locationid === undefined;
      if (!guessed || !(error instanceof ApiError)) throw error;
      throw new ApiError(error.method, error.result, {
        serverMessage: error.serverMessage,
        hint: `The code was exchanged at ${exchangeAt.host}; if the account is in the other region, log in again with -e us or -e eu.`,
      });
    });
    const locationid = (redirect.locationid === 1 || redirect.locationid === 2 ? redirect.locationid : undefined) ?? exchanged.locationid;
    const endpoint = endpointFromClues({ ...clues, ...(locationid !== undefined ? { locationid } : {}) });
    const result: LoginResult = {
      accessToken: exchanged.accessToken,
      locationid,
      endpoint: endpoint.href.replace(/\/+$/, ''),
      ...(exchanged.userid !== undefined ? { userid: exchanged.userid } : {}),
    };
    return concealFields(result, ['accessToken']);
  } finally {
    await listener?.close();
  }
}

/** The first code to arrive: from the listener or the pasted input. */
async function firstCode(
  listener: LoopbackListener | undefined,
  input: Readable | undefined,
  signal: AbortSignal,
): Promise<RedirectResult> {
  if (!listener && !input) throw new PCloudError('USAGE_ERROR', 'Login needs a loopback listener or an input to paste the code into.');
  const stopPaste = new AbortController();
  const sources: Array<Promise<RedirectResult>> = [];
  if (listener) sources.push(listener.result);
  if (input) sources.push(readPastedCode(input, AbortSignal.any([signal, stopPaste.signal]), listener !== undefined));
  const aborted = new Promise<never>((_, reject) => {
    const fail = (): void => reject(new PCloudError('ABORTED', 'The login was aborted or timed out before a code arrived.'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  try {
    return await Promise.race([...sources, aborted]);
  } finally {
    stopPaste.abort();
  }
}
