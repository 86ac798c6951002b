/**
 * Reads what a request body carries (pcloud-api.md §1.2): urlencoded parameters, multipart
 * parameters and files (streaming; parameters must come before the files), or for the
 * upload methods a raw PUT/POST body as one file. Bodies that carry nothing are drained.
 */
import type { IncomingMessage } from 'node:http';
import type { IncomingFile } from '../api/types.js';
import type { Readable } from 'node:stream';
import { FileQueue } from './file-queue.js';
import { boundaryOf, lastPathComponent, MultipartParser } from './multipart-parser.js';
import { addQueryPairs } from './query-params.js';

/** Methods whose raw (non-form) body is file data. */
const RAW_BODY_METHODS = new Set(['uploadfile', 'upload_write', 'file_write', 'file_pwrite']);
/**
 * Parameters are buffered: an urlencoded body, and the non-file parts of a multipart body taken
 * together, may carry this much. More is not a pCloud request and closes the connection.
 */
const FORM_LIMIT = 4 * 1024 * 1024;

/** A request body that is not a valid pCloud request (the front end closes the connection). */
export class MalformedRequest extends Error {}

/** The files of a request, and how to let the rest of the body go once the answer is known. */
export interface RequestBody {
  files: AsyncIterable<IncomingFile>;
  discardRest(): void;
}

const NO_FILES: AsyncIterable<IncomingFile> = { async *[Symbol.asyncIterator]() {} };

async function readForm(req: IncomingMessage, params: Map<string, string>): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT) throw new MalformedRequest('urlencoded body too large');
    chunks.push(chunk as Buffer);
  }
  addQueryPairs(Buffer.concat(chunks).toString('latin1'), params);
}

function readMultipart(req: IncomingMessage, params: Map<string, string>): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const boundary = boundaryOf(req.headers['content-type'] ?? '');
    if (boundary === undefined) return reject(new MalformedRequest('multipart body without a boundary'));
    const queue = new FileQueue();
    const body: RequestBody = { files: queue, discardRest: () => queue.drain() };
    let started = false;
    const start = (): void => {
      if (started) return;
      started = true;
      resolve(body);
    };
    const parser = new MultipartParser(boundary, FORM_LIMIT);
    // Parameters count only before the first file part (§1.2).
    parser.on('field', (name: string, value: string) => {
      if (!started) params.set(name, value);
    });
    parser.on('file', (_name: string, stream: Readable, filename: string) => {
      // A part nobody reads yet (the call waits, or was answered early) fails when the client
      // hangs up; that must not crash the server. Readers still see the error themselves.
      stream.on('error', () => undefined);
      queue.push({ filename: lastPathComponent(filename), stream });
      start();
    });
    parser.on('done', () => {
      queue.end();
      start();
    });
    parser.on('error', (error: Error) => {
      queue.fail(error);
      if (!started) reject(new MalformedRequest(error.message));
    });
    req.on('aborted', () => parser.destroy(new Error('request aborted')));
    req.on('error', (error) => parser.destroy(error));
    req.pipe(parser);
  });
}

/** Reads parameters from the body into `params` and returns the files it carries. */
export async function readRequestBody(req: IncomingMessage, method: string, params: Map<string, string>): Promise<RequestBody> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  const form = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
  if (!form && RAW_BODY_METHODS.has(method) && (req.method === 'PUT' || (req.method === 'POST' && hasBody))) {
    // A raw body is one file, even an empty one (pCloud refuses empty PUTs; accepting them is harmless).
    const length = Number(req.headers['content-length']);
    const file: IncomingFile = { filename: undefined, stream: req, ...(Number.isSafeInteger(length) ? { length } : {}) };
    return { files: toAsync([file]), discardRest: () => req.resume() };
  }
  if (!hasBody) return { files: NO_FILES, discardRest: () => req.resume() };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    await readForm(req, params);
    return { files: NO_FILES, discardRest: () => undefined };
  }
  if (type.startsWith('multipart/form-data')) return readMultipart(req, params);
  return { files: NO_FILES, discardRest: () => req.resume() };
}

async function* toAsync(files: IncomingFile[]): AsyncIterable<IncomingFile> {
  yield* files;
}
