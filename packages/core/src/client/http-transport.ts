/**
 * The HTTP JSON transport over got (got-instance.ts, got-request.ts), pcloud-api.md §1.2–§1.4. Every call is a POST to
 * `<endpoint>/<method>`: parameters urlencoded in the body (multipart with the file parts for
 * uploads), the OAuth token in an `Authorization: Bearer` header, a legacy `auth` token as a
 * body parameter — so no secret ever travels in a URL. The client's got instance keeps its connections alive.
 * The exception is the file data of `uploadfile` and `upload_write`, sent as their documented raw
 * PUT body (§4.1–§4.2) with the parameters in the query: no multipart framing to build on the
 * client and parse on the server for every chunk of a large upload (measured: about a second of
 * client CPU per GiB of `upload_write`s). It stays multipart when a legacy `auth` token would
 * have to join the query, when the body is empty (pCloud refuses an empty PUT), and when the
 * parameters (a long path) would make a URL longer than servers reliably accept.
 */
import { parseJson } from '../json.js';
import { AnswerCollector } from './answer-limit.js';
import { armable, closeGotFor, gotFor } from './got-instance.js';
import { gotRequest, type GotRequestOptions } from './got-request.js';
import { httpStatusError, toTransportError } from './transport-errors.js';
import type { ParamValue } from './method-table.js';
import type { Transport, TransportCallOptions, TransportSettings, WireAnswer, WireParams } from './transport.js';

/** Methods whose `data` body may go as a raw PUT. */
const RAW_PUT_METHODS = new Set(['upload_write', 'uploadfile']);
/** Longest query string sent with a raw PUT; common front ends cap the request line near 8 KiB. */
const MAX_PUT_QUERY = 2048;

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
  const base = settings.endpoint.href.replace(/\/+$/, '');
  const { credentials } = settings;

  async function call(method: string, params: WireParams, options: TransportCallOptions): Promise<WireAnswer> {
    const fields = encodeParams(params);
    if (credentials.auth !== undefined) fields.push(['auth', credentials.auth]);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credentials.accessToken !== undefined) headers.authorization = `Bearer ${credentials.accessToken}`;
    let body: GotRequestOptions['body'];
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
      // Loaded with the first upload: form-data-encoder, resolved from node_modules, is no cost of a listing.
      const { encodeMultipart } = await import('./multipart.js');
      const multipart = encodeMultipart(fields, options.body);
      Object.assign(headers, multipart.headers);
      body = { stream: multipart.stream, length: multipart.length };
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = query;
    }
    const report = options.onProgress;
    try {
      const response = await gotRequest((await gotFor(settings)).got, url, {
        method: raw ? 'PUT' : 'POST',
        headers,
        body,
        ...(options.timeoutMs !== undefined && armable(options.timeoutMs) ? { idleTimeoutMs: options.timeoutMs } : {}),
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
      closeGotFor(settings);
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
