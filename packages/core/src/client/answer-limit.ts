/**
 * The bound on one API answer over HTTP, kept apart from the request code so that any HTTP client
 * can apply it: the raw body chunks go into an {@link AnswerCollector}, which decompresses them
 * under the same bound. Beyond it the call fails with one clear error instead of the process
 * growing until it dies (a hostile or broken server, a decompression bomb).
 */
import { constants } from 'node:buffer';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { TransportError } from '../errors.js';

/**
 * The largest answer read: 512 MiB, or V8's longest string rounded down to whole MiB if that is
 * shorter (511 MiB on Node 24): the text must become one string for JSON.parse, so nothing longer
 * could be read anyway. The largest legitimate answer is a recursive listing of a huge tree: the
 * emulator's metadata of a file with a 30-character name is about 350 bytes of JSON, so the cap
 * holds about 1.5 million entries.
 */
export const MAX_ANSWER_BYTES = Math.min(512 * 2 ** 20, Math.floor(constants.MAX_STRING_LENGTH / 2 ** 20) * 2 ** 20);

function tooLarge(method: string, limit: number): TransportError {
  const size = limit % 2 ** 20 === 0 ? `${limit / 2 ** 20} MiB` : limit % 2 ** 10 === 0 ? `${limit / 2 ** 10} KiB` : `${limit} bytes`;
  return new TransportError(`${method}: the answer is larger than ${size}, the most this client reads.`, {
    hint: 'a recursive listing of a very large tree can be this big: list its folders one at a time',
  });
}

type Decoder = (data: Buffer, options: zlib.ZlibOptions | zlib.BrotliOptions) => Promise<Buffer>;

/** The decoder of a Content-Encoding, built when an answer uses one: node:zlib loads only then. */
function decoderOf(encoding: string): Decoder | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return promisify(zlib.gunzip);
    case 'deflate':
      return promisify(zlib.inflate);
    case 'br':
      return promisify(zlib.brotliDecompress);
    default:
      return undefined;
  }
}

/** Collects the raw chunks of one answer, refusing more than `limit` bytes. */
export class AnswerCollector {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly method: string,
    private readonly limit: number = MAX_ANSWER_BYTES,
  ) {}

  /** Throws when the announced length (a Content-Length header) alone is over the limit. */
  announce(length: number | string | undefined): void {
    const announced = Number(length);
    if (Number.isFinite(announced) && announced > this.limit) throw tooLarge(this.method, this.limit);
  }

  /** Takes one chunk; throws once the answer is over the limit. */
  add(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.limit) throw tooLarge(this.method, this.limit);
    this.chunks.push(chunk);
  }

  /** The answer's text: the chunks decompressed as `encoding` (Content-Encoding) says, under the same limit. */
  async text(encoding: string | undefined): Promise<string> {
    const raw = Buffer.concat(this.chunks, this.size);
    const decode = decoderOf(
      String(encoding ?? '')
        .trim()
        .toLowerCase(),
    );
    if (!decode) return raw.toString('utf8');
    try {
      return (await decode(raw, { maxOutputLength: this.limit })).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(this.method, this.limit);
      throw error;
    }
  }
}
