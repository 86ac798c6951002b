/**
 * One GET of a download URL from a byte offset (`Range`), over node:http(s) with the client's
 * CA, user agent and timeout phases (request-timeouts.ts), and keep-alive agents of its own.
 * Content hosts need no credentials — the path is the capability — so none are sent. Not got:
 * its per-request machinery cost ~3 ms of CPU per file, which halved the rate of small-file
 * downloads (2,000 × 4 KiB at -j 1: 5.6 s with got, 2.7 s without) and kept ~45 MB more garbage.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { PCloudClient } from '../../client/create-client.js';
import { watchRequest } from '../../client/request-timeouts.js';
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
    agents = {
      http: new http.Agent({ keepAlive: true }),
      https: new https.Agent({ keepAlive: true, ...(secureContext ? { secureContext } : {}) }),
    };
    agentsByClient.set(client, agents);
  }
  return agents;
}

/** Starts a GET of `url` from byte `from`; rejects with a TransportError (or ABORTED) when no answer comes. */
export function fetchRange(client: PCloudClient, url: string, from: number, signal: AbortSignal | undefined): Promise<RangeResponse> {
  const { settings } = client;
  const agents = agentsFor(client);
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).get(target, {
      agent: secure ? agents.https : agents.http,
      headers: { 'user-agent': settings.userAgent, ...(from > 0 ? { range: `bytes=${from}-` } : {}) },
      ...(signal ? { signal } : {}),
    });
    let response: http.IncomingMessage | undefined;
    let failed = false;
    // Before the answer the promise rejects; after it, the body's reader gets the error.
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      disarm();
      if (response) response.destroy(error);
      else reject(toTransportError('download', error, signal));
      request.destroy(error);
    };
    request.on('error', fail);
    const disarm = watchRequest(
      request,
      target,
      { connectTimeoutMs: settings.connectTimeoutMs, idleTimeoutMs: settings.idleTimeoutMs },
      fail,
    );
    request.once('response', (answer) => {
      response = answer;
      // Connected: only the idle timeout stays, for the rest of the body.
      disarm();
      // An error before anyone reads the body stays on the stream for its reader, not unhandled.
      answer.on('error', () => undefined);
      const status = answer.statusCode ?? 0;
      const range = /^bytes (\d+)-/.exec(String(answer.headers['content-range'] ?? ''));
      resolve({ status, start: status === 206 && range ? Number(range[1]) : 0, body: answer });
    });
  });
}

/** Maps an error thrown while reading a body to a TransportError (or ABORTED). */
export function bodyError(error: unknown, signal: AbortSignal | undefined): PCloudError {
  return toTransportError('download', error, signal);
}
