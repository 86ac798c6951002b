/**
 * Writes a dispatcher answer as pCloud's HTTP JSON front end does (pcloud-api.md §1.4): always
 * HTTP 200, `Content-Type: application/json; charset=utf-8`, `X-Error` on failures, 64-bit
 * integers exact. Raw data answers (file_read) go out as octet-stream.
 */
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { stringifyJson } from '@pcloud/core/internal';
import type { DispatchOutcome } from '../api/dispatcher.js';

const COMMON_HEADERS = { 'Cache-Control': 'private, max-age=0', Server: 'CloudHTTPd-API v1.1 (pcloud-emulator)' };

/** Sends an answer; with `resetMidResponse` the connection is cut halfway through the body. */
export async function sendAnswer(res: ServerResponse, answer: Extract<DispatchOutcome, { kind: 'answer' }>): Promise<void> {
  if (answer.result === 0 && answer.data) {
    res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'application/octet-stream', 'Content-Length': answer.data.length });
    await pipeline(answer.data.stream, res).catch(() => res.destroy());
    return;
  }
  answer.data?.stream.destroy();
  const body = Buffer.from(stringifyJson(answer.body), 'utf8');
  const headers: Record<string, string | number> = {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
  };
  if (answer.result !== 0) headers['X-Error'] = answer.result;
  res.writeHead(200, headers);
  if (answer.resetMidResponse) {
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(body);
}
