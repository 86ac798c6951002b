/**
 * Turns a transport request body into the binary protocol's single data payload. The binary
 * protocol carries one file per request, named by the `filename` parameter (pcloud-api.md §9.2).
 */
import { PCloudError } from '../errors.js';
import type { RequestBody } from '../client/transport.js';

/** The data that follows a request, and the file name to send when the body named one. */
export interface UploadData {
  stream: AsyncIterable<Uint8Array>;
  length: number;
  filename: string | undefined;
}

/**
 * The payload of a body, or undefined for a multipart body without files (sent without data).
 * A multipart body of several files cannot travel over the binary protocol.
 */
export function uploadData(method: string, body: RequestBody): UploadData | undefined {
  if (body.kind === 'data') return { stream: body.stream, length: body.length, filename: undefined };
  const [part, ...others] = body.parts;
  if (part === undefined) return undefined;
  if (others.length > 0) {
    throw new PCloudError('USAGE_ERROR', `${method}: the binary protocol carries exactly one file per request, not ${body.parts.length}.`);
  }
  return { stream: part.stream, length: part.size, filename: part.name };
}
