/**
 * The download ("content") host (pcloud-api.md §10): GET/HEAD of a getfilelink path streams the
 * file with its length and type and honours `Range` (206). No auth: an `Authorization` header is
 * ignored. Unknown link 404, expired link 401; faults apply under the method name `download`, and a
 * throttled request (the call-limit fault) gets 429.
 * Bytes sent for a link handed out through a public link count as that link's traffic.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ByteRange } from '../state/blob-store.js';
import { sendBlobRange } from './send-blob.js';
import type { EmulatorState } from '../state/emulator-state.js';

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Parses a single `bytes=` range; `null` when unsatisfiable, undefined when absent or not understood. */
export function parseRange(header: string | undefined, size: number): ByteRange | null | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || end < start ? null : { start, end };
}

/** Creates the request listener of the download host. */
export function createDownloadHandler(state: EmulatorState): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    const fault = state.faults.decide('download');
    res.once('close', fault.release);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.throttled) return sendText(res, 429, 'Too many requests.', { 'Retry-After': '1' });
    if (fault.reset === 'request') return void req.socket.destroy();
    if (fault.failResult !== undefined) return sendText(res, 500, 'Internal error.');
    const link = state.links.find((req.url ?? '/').split('?')[0] ?? '/');
    const file = link && state.files.tree(link.userid).file(link.fileid);
    if (!link || !file) return sendText(res, 404, 'File not found.');
    if (link.expires <= state.now()) return sendText(res, 401, 'This link has expired.');
    const range = parseRange(req.headers.range, file.size);
    if (range === null) return sendText(res, 416, 'Requested range not satisfiable.', { 'Content-Range': `bytes */${file.size}` });
    const headers: Record<string, string | number> = {
      'Content-Type': link.contenttype,
      'Accept-Ranges': 'bytes',
      'Last-Modified': new Date(file.modified * 1000).toUTCString(),
      ETag: `"${file.hash.toString(16)}"`,
      'Content-Length': range ? range.end - range.start + 1 : file.size,
    };
    if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.size}`;
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === 'HEAD' || file.size === 0) return void res.end();
    const wanted = range ?? { start: 0, end: file.size - 1 };
    // An injected reset sends only the first half, then cuts the connection.
    const cut =
      fault.reset === 'response' ? { start: wanted.start, end: wanted.start + Math.floor((wanted.end - wanted.start) / 2) } : wanted;
    const reader = await state.files.blobs.openReader(file.blob);
    let sent = 0;
    try {
      await sendBlobRange(reader, cut, res, (bytes) => (sent += bytes));
    } finally {
      await reader.close();
      // A public link's traffic is what was sent: counted once, when the content ends or the response is cut.
      if (link.publinkid !== undefined) state.publinks.addTraffic(link.publinkid, sent);
    }
    if (res.destroyed) return;
    if (fault.reset === 'response') res.write(Buffer.alloc(0), () => res.socket?.destroy());
    else res.end();
  };
  return (req, res) => {
    handle(req, res).catch(() => res.destroy());
  };
}
