/**
 * One GET of a download URL from a byte offset (`Range`), over got with the client's CA,
 * user agent and timeouts and keep-alive agents of its own. Content hosts need no
 * credentials — the path is the capability — so none are sent.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { PCloudClient } from '../../client/create-client.js';
import { toTransportError } from '../../client/transport-errors.js';
import { trustedContext } from '../../client/trusted-context.js';
import type { PCloudError } from '../../errors.js';

/** A content host's answer: its status, the offset its body starts at, and the body. */
export interface RangeResponse {
  status: number;
  /** Where the body starts in the file: 0 for a 200, the Content-Range start for a 206. */
  start: number;
  body: Readable;
}

interface Agents {
  http: http.Agent;
  https: https.Agent;
}

const agentsByClient = new WeakMap<PCloudClient, Agents>();

function agentsFor(client: PCloudClient): Agents {
  let agents = agentsByClient.get(client);
  if (!agents) {
    // A prebuilt context, not a ca list: the agent would copy every listed certificate into the
    // pool key of each request and build a new context for each connection (trusted-context.ts).
    const secureContext = trustedContext(client.settings.ca);
    agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true, ...(secureContext ? { secureContext } : {}) }) };
    agentsByClient.set(client, agents);
  }
  return agents;
}

/** Starts a GET of `url` from byte `from`; rejects with a TransportError (or ABORTED) when no answer comes. */
export async function fetchRange(client: PCloudClient, url: string, from: number, signal: AbortSignal | undefined): Promise<RangeResponse> {
  const { settings } = client;
  const agents = agentsFor(client);
  // got is loaded with the first download: a command that never downloads does not compile it.
  const { default: got } = await import('got');
  const body = got.stream(url, {
    method: 'GET',
    headers: { 'user-agent': settings.userAgent, ...(from > 0 ? { range: `bytes=${from}-` } : {}) },
    agent: { http: agents.http, https: agents.https },
    timeout: {
      lookup: settings.connectTimeoutMs,
      connect: settings.connectTimeoutMs,
      secureConnect: settings.connectTimeoutMs,
      socket: settings.idleTimeoutMs,
    },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    decompress: false,
    ...(signal ? { signal } : {}),
  });
  const response = await new Promise<{ statusCode: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    body.once('response', resolve);
    body.once('error', reject);
  }).catch((error: unknown) => {
    body.destroy();
    throw toTransportError('download', error, signal);
  });
  const range = /^bytes (\d+)-/.exec(String(response.headers['content-range'] ?? ''));
  return { status: response.statusCode, start: response.statusCode === 206 && range ? Number(range[1]) : 0, body };
}

/** Maps an error thrown while reading a body to a TransportError (or ABORTED). */
export function bodyError(error: unknown, signal: AbortSignal | undefined): PCloudError {
  return toTransportError('download', error, signal);
}
