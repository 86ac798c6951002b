/**
 * The one got instance of a client's HTTP side, shared by its API calls (http-transport.ts) and
 * its downloads (files/download/fetch-range.ts), configured for many small calls:
 * - keep-alive agents trusting the client's CA as one prebuilt context (trusted-context.ts);
 * - got's timeout phases: lookup, TCP connect and TLS handshake each get the connect timeout, the
 *   whole exchange an idle (socket) timeout;
 * - no retries (the client's retry policy decides, retry.ts), no redirects, statuses handed back
 *   instead of thrown, no decompression or parsing: the raw bytes go through the answer bound
 *   (answer-limit.ts), which decodes them, and our bigint-exact JSON parser (json.ts);
 * - hooks only when the client has a logger, for its redacted `--debug` trace.
 * got itself is loaded with the first request: a command that sends none (`--help`) never loads it.
 */
import http from 'node:http';
import https from 'node:https';
import type { ExtendOptions, Got } from 'got';
import { isSilent } from './silent-log.js';
import { trustedContext } from './trusted-context.js';
import type { TransportSettings } from './transport.js';

/** How long an unused keep-alive connection stays in the pool. */
const FREE_SOCKET_TIMEOUT_MS = 4000;

/** A client's got instance and the agents under it. */
export interface GotInstance {
  readonly got: Got;
  /** Closes every pooled connection; the next request makes a new instance. */
  close(): void;
}

/** Whether `ms` is a timer Node can arm (a huge `timeout` means none). */
export const armable = (ms: number): boolean => Number.isFinite(ms) && ms >= 0 && ms <= 2_147_483_647;

const instances = new WeakMap<TransportSettings, GotInstance>();

let loaded: Got | undefined;
let loading: Promise<Got> | undefined;

/** The got instance of the client whose resolved settings these are, made on first use (a promise only until got is loaded). */
export function gotFor(settings: TransportSettings): GotInstance | Promise<GotInstance> {
  const made = instances.get(settings);
  if (made) return made;
  if (!loaded) {
    loading ??= import('got').then((module) => (loaded = module.default));
    return loading.then(() => gotFor(settings));
  }
  const instance = createGotInstance(loaded, settings);
  instances.set(settings, instance);
  return instance;
}

/** Closes the pooled connections of that client's instance, if it has one. */
export function closeGotFor(settings: TransportSettings): void {
  instances.get(settings)?.close();
}

function createGotInstance(got: Got, settings: TransportSettings): GotInstance {
  const secureContext = trustedContext(settings.ca);
  // An idle pooled socket is dropped before a server's own keep-alive timeout (Node's is 5 s)
  // can close it under a new request, which for a call unsafe to repeat would be a failure.
  const pool = { keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS };
  const agents = {
    http: new http.Agent(pool),
    https: new https.Agent({ ...pool, ...(secureContext ? { secureContext } : {}) }),
  };
  const connect = armable(settings.connectTimeoutMs) ? settings.connectTimeoutMs : undefined;
  const options: ExtendOptions = {
    agent: agents,
    retry: { limit: 0 },
    followRedirect: false,
    throwHttpErrors: false,
    decompress: false,
    timeout: {
      lookup: connect,
      connect,
      secureConnect: connect,
      ...(armable(settings.idleTimeoutMs) ? { socket: settings.idleTimeoutMs } : {}),
    },
    headers: { 'user-agent': settings.userAgent },
  };
  if (!isSilent(settings.log)) {
    const { log } = settings;
    const host = (url: unknown): string => (url instanceof URL ? url.host : '?');
    // Downloads and failures, which the client's own lines do not show; the host only, as a
    // download path is a capability (parameters are logged, redacted, above the transport seam).
    options.hooks = {
      beforeRequest: [
        (request) => {
          if (request.method === 'GET') log(`download GET ${host(request.url)}${request.headers.range ? ` ${request.headers.range}` : ''}`);
        },
      ],
      beforeError: [
        (error) => {
          log(`${error.options.method} ${host(error.options.url)} failed: ${error.code}`);
          return error;
        },
      ],
    };
  }
  const instance: GotInstance = {
    got: got.extend(options),
    close() {
      if (instances.get(settings) === instance) instances.delete(settings);
      agents.http.destroy();
      agents.https.destroy();
    },
  };
  return instance;
}
