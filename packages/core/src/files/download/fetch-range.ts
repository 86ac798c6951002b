/**
 * One GET of a download URL from a byte offset (`Range`), a got stream on the client's got
 * instance (client/got-instance.ts: its CA, user agent, timeout phases and keep-alive agents,
 * shared with its API calls). Content hosts need no credentials — the path is the capability —
 * so none are sent. The body is handed over as the stream itself, read with backpressure.
 *
 * Kept on got (issue 17) although node:https was faster here: this path alone back on node:https
 * did not win the small-file row back. 200 × 4 KiB down, emulator --latency 30, QUICK, 9 runs
 * each interleaved on a loaded 2-core machine (load 3–7): got everywhere 2.65 s / peak RSS 126 MB
 * (median), this GET on node:https 2.59 s / 116 MB, node:https everywhere (fbb0e8a) 1.88 s / 99 MB.
 * The rest is got's per-request cost on the API calls (one `getfilelink` per file) and its
 * module footprint, which stay.
 */
import type { Readable } from 'node:stream';
import type { PCloudClient } from '../../client/create-client.js';
import { gotFor } from '../../client/got-instance.js';
import { toTransportError } from '../../client/transport-errors.js';
import type { PCloudError } from '../../errors.js';

/** A content host's answer: its status, the offset its body starts at, and the body. */
export interface RangeResponse {
  status: number;
  /** Where the body starts in the file: 0 for a 200, the Content-Range start for a 206. */
  start: number;
  body: Readable;
}

/** Starts a GET of `url` from byte `from`; rejects with a TransportError (or ABORTED) when no answer comes. */
export async function fetchRange(client: PCloudClient, url: string, from: number, signal: AbortSignal | undefined): Promise<RangeResponse> {
  const body = (await gotFor(client.settings)).got.stream(url, {
    ...(from > 0 ? { headers: { range: `bytes=${from}-` } } : {}),
    ...(signal ? { signal } : {}),
  });
  return new Promise((resolve, reject) => {
    const failed = (error: Error): void => reject(toTransportError('download', error, signal));
    body.once('error', failed);
    body.once('response', (answer: { statusCode: number; headers: Record<string, string | string[] | undefined> }) => {
      // From here on, the body's reader gets the errors; one before anyone reads stays on the stream, not unhandled.
      body.off('error', failed);
      body.on('error', () => undefined);
      const status = answer.statusCode;
      const range = /^bytes (\d+)-/.exec(String(answer.headers['content-range'] ?? ''));
      resolve({ status, start: status === 206 && range ? Number(range[1]) : 0, body });
    });
  });
}

/** Maps an error thrown while reading a body to a TransportError (or ABORTED). */
export function bodyError(error: unknown, signal: AbortSignal | undefined): PCloudError {
  return toTransportError('download', error, signal);
}
