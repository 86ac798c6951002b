/**
 * Multipart bodies with a real Content-Length, streamed: form-data-encoder over file-like
 * parts that wrap our streams (got's own FormData sends chunked bodies, which pCloud refuses,
 * pcloud-api.md §1.2). Ordinary fields come first, as pCloud requires, then the file parts.
 */
import { FormDataEncoder } from 'form-data-encoder';
import type { BodyPart, BodySource, RequestBody } from './transport.js';

type Entry = [string, string | FileLikePart];

/** A form-data-encoder FileLike whose bytes come from a stream read exactly once. */
class FileLikePart {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly lastModified = 0;
  readonly [Symbol.toStringTag] = 'File';
  readonly #source: BodySource;

  constructor(part: BodyPart) {
    this.name = part.name;
    this.type = part.contentType ?? 'application/octet-stream';
    this.size = part.size;
    this.#source = part.stream;
  }

  stream(): AsyncIterable<Uint8Array> {
    return encoderSafe(this.#source);
  }
}

/** form-data-encoder re-slices chunks over this size from `chunk.buffer`, ignoring `byteOffset`. */
const ENCODER_CHUNK = 65536;

/**
 * The source's bytes in pieces form-data-encoder passes through untouched: a view larger than
 * 64 KiB (e.g. a `subarray`) would otherwise be re-sliced from the start of its underlying
 * ArrayBuffer and send the wrong bytes, and a larger whole buffer would be copied. Splitting
 * into views copies nothing, and a lent piece stays lent.
 */
async function* encoderSafe(source: BodySource): AsyncGenerator<Uint8Array> {
  for await (const piece of source as AsyncIterable<Uint8Array>) {
    if (piece.byteLength <= ENCODER_CHUNK) {
      yield piece;
      continue;
    }
    for (let offset = 0; offset < piece.byteLength; offset += ENCODER_CHUNK) {
      yield piece.subarray(offset, Math.min(piece.byteLength, offset + ENCODER_CHUNK));
    }
  }
}

/** The minimal FormData shape form-data-encoder reads. */
class FormEntries {
  readonly #entries: Entry[] = [];
  readonly [Symbol.toStringTag] = 'FormData';

  append(name: string, value: string | FileLikePart): void {
    this.#entries.push([name, value]);
  }

  getAll(name: string): Array<string | FileLikePart> {
    return this.#entries.filter(([key]) => key === name).map(([, value]) => value);
  }

  *entries(): Generator<Entry> {
    yield* this.#entries;
  }

  [Symbol.iterator](): Generator<Entry> {
    return this.entries();
  }
}

/** An encoded multipart body: headers (with Content-Length) and its bytes, lent (transport.ts). */
export interface EncodedMultipart {
  headers: Record<string, string>;
  stream: AsyncIterable<Uint8Array>;
  length: number;
}

/**
 * Encodes parameters and an upload body as multipart/form-data. A single `data` body becomes
 * one file part named after the `filename` parameter (or `data`).
 */
export function encodeMultipart(fields: ReadonlyArray<[string, string]>, body: RequestBody): EncodedMultipart {
  const form = new FormEntries();
  for (const [name, value] of fields) form.append(name, value);
  const parts: readonly BodyPart[] =
    body.kind === 'parts'
      ? body.parts
      : [{ name: fields.find(([key]) => key === 'filename')?.[1] ?? 'data', size: body.length, stream: body.stream }];
  for (const part of parts) form.append('file', new FileLikePart(part));
  const encoder = new FormDataEncoder(form as never);
  return {
    headers: { 'content-type': encoder.contentType, 'content-length': String(encoder.contentLength) },
    stream: encoder.encode(),
    length: Number(encoder.contentLength),
  };
}
