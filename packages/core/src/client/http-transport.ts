/**
 * The HTTP JSON transport over node:http(s) (pcloud-api.md §1.2–§1.4). Every call is a POST to
 * `<endpoint>/<method>`: parameters urlencoded in the body (multipart with the file parts for
 * uploads), the OAuth token in an `Authorization: Bearer` header, a legacy `auth` token as a
 * body parameter — so no secret ever travels in a URL. Keep-alive agents reuse connections.
 * The exception is the file data of `uploadfile` and `upload_write`, sent as their documented raw
 * PUT body (§4.1–§4.2) with the parameters in the query: no multipart framing to build on the
 * client and parse on the server for every chunk of a large upload (measured: about a second of
 * client CPU per GiB of `upload_write`s). It stays multipart when a legacy `auth` token would
 * have to join the query, when the body is empty (pCloud refuses an empty PUT), and when the
 * parameters (a long path) would make a URL longer than servers reliably accept.
 */
import http from 'node:http';
import https from 'node:https';
import { parseJson } from '../json.js';
import { AnswerCollector } from './answer-limit.js';
import { encodeMultipart } from './multipart.js';
import { postRequest, type PostOptions } from './post-request.js';
import { httpStatusError, toTransportError } from './transport-errors.js';
import { trustedContext } from './trusted-context.js';
import type { ParamValue } from './method-table.js';
import type { Transport, TransportCallOptions, TransportSettings, WireAnswer, WireParams } from './transport.js';

/** Methods whose `data` body may go as a raw PUT. */
const RAW_PUT_METHODS = new Set(['upload_write', 'uploadfile']);
/** Longest query string sent with a raw PUT; common front ends cap the request line near 8 KiB. */
const MAX_PUT_QUERY = 2048;

/** How long an unused keep-alive connection stays in the pool. */
const FREE_SOCKET_TIMEOUT_MS = 4000;

/** Parameters as urlencoded strings: flags become 1/0, undefined entries are dropped. */
export function encodeParams(params: WireParams): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) out.push([name, encodeValue(value)]);
  }
  return out;
}

function encodeValue(value: ParamValue): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

/** Creates the HTTP transport for resolved client settings. */
export function createHttpTransport(settings: TransportSettings): Transport {
  const secureContext = trustedContext(settings.ca);
  // An idle pooled socket is dropped before a server's own keep-alive timeout (Node's is 5 s)
  // can close it under a new request, which for a call unsafe to repeat would be a failure.
  const pool = { keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS };
  const agents = {
    http: new http.Agent(pool),
    https: new https.Agent({ ...pool, ...(secureContext ? { secureContext } : {}) }),
  };
  const base = settings.endpoint.href.replace(/\/+$/, '');
  const { credentials } = settings;

  async function call(method: string, params: WireParams, options: TransportCallOptions): Promise<WireAnswer> {
    const fields = encodeParams(params);
    if (credentials.auth !== undefined) fields.push(['auth', credentials.auth]);
    const headers: Record<string, string> = { 'user-agent': settings.userAgent, accept: 'application/json' };
    if (credentials.accessToken !== undefined) headers.authorization = `Bearer ${credentials.accessToken}`;
    let body: PostOptions['body'];
    const url = new URL(`${base}/${encodeURIComponent(method)}`);
    const query = new URLSearchParams(fields).toString();
    const raw =
      options.body?.kind === 'data' &&
      options.body.length > 0 &&
      credentials.auth === undefined &&
      RAW_PUT_METHODS.has(method) &&
      query.length <= MAX_PUT_QUERY
        ? options.body
        : undefined;
    if (raw) {
      // Spaces as %20, which every server reads as a space in a query, not as `+` (form style).
      url.search = query.replaceAll('+', '%20');
      headers['content-type'] = 'application/octet-stream';
      body = { stream: raw.stream, length: raw.length };
    } else if (options.body) {
      const multipart = encodeMultipart(fields, options.body);
      Object.assign(headers, multipart.headers);
      body = { stream: multipart.stream, length: multipart.length };
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = query;
    }
    const report = options.onProgress;
    try {
      const response = await postRequest(url, {
        ...(raw ? { method: 'PUT' as const } : {}),
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        headers,
        body,
        connectTimeoutMs: settings.connectTimeoutMs,
        idleTimeoutMs: options.timeoutMs ?? settings.idleTimeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
        answer: new AnswerCollector(method, settings.maxAnswerBytes),
        ...(report ? { onProgress: (transferred: number, total: number) => report({ transferred, total }) } : {}),
      });
      return readAnswer(method, response.status, response.text);
    } catch (error) {
      throw toTransportError(method, error, options.signal);
    }
  }

  return {
    kind: 'http',
    call,
    async close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** The pCloud answer inside an HTTP response, or a TransportError for anything else. */
function readAnswer(method: string, status: number, text: string): WireAnswer {
  let answer: unknown;
  try {
    answer = parseJson(text);
  } catch {
    answer = undefined;
  }
  if (answer !== null && typeof answer === 'object' && !Array.isArray(answer) && 'result' in answer) {
    return answer as WireAnswer;
  }
  throw httpStatusError(method, status);
}
