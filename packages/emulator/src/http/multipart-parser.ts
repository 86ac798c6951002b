/**
 * A streaming multipart/form-data reader (pcloud-api.md §4.1). The boundary is found with
 * Buffer#indexOf (native), so a 1 GiB file part flows through at memory speed, where a
 * JavaScript byte scanner capped uploads well below the loopback limit. File parts come out
 * as Readables with backpressure; names and values are decoded as strict UTF-8 (a NUL marks
 * invalid bytes, so names made from them are refused with 2001).
 */
import { Readable, Writable } from 'node:stream';

/** Longest header block of one part. */
const MAX_HEADERS = 16 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');
const CRLFCRLF = Buffer.from('\r\n\r\n');

/** Decodes bytes as UTF-8; invalid input comes back NUL-marked. */
export function utf8OrMarked(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return `\u0000${lossyUtf8.decode(bytes)}`;
  }
}

/**
 * What a part's `filename` names: its last `/`-separated component (RFC 7578 §4.2: a receiver
 * keeps no directory information). Clients such as tomgross/pcloud's filesystem layer send the
 * whole remote path there, and pCloud stores the file under its last component. A backslash is
 * left alone (pCloud refuses it in names; no client evidence either way).
 */
export function lastPathComponent(filename: string): string {
  return filename.slice(filename.lastIndexOf('/') + 1);
}

/** The `boundary` parameter of a multipart Content-Type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,200})"|([^;\s]{1,200}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Name and (for file parts) file name from a part's headers; undefined when there is no disposition. */
function dispositionOf(headers: Buffer): { name: string; filename: string | undefined } | undefined {
  const line = /^content-disposition:[ \t]*(.*)$/im.exec(headers.toString('latin1'))?.[1];
  if (line === undefined) return undefined;
  const params = new Map<string, string>();
  for (const m of line.matchAll(/;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    // Only `\"` and `\\` are escapes: browsers send Windows-style backslashes in names as they are.
    params.set(m[1]!.toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(["\\])/g, '$1') : m[3]!.trim());
  }
  const latin1 = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : utf8OrMarked(Buffer.from(text, 'latin1'));
  // RFC 5987 `filename*=UTF-8''%E2%82%AC.txt` wins over `filename`.
  const extended = /^([\w-]+)'[^']*'(.*)$/.exec(params.get('filename*') ?? '');
  const filename = extended
    ? utf8OrMarked(
        Buffer.from(
          extended[2]!.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ),
      )
    : latin1(params.get('filename'));
  return { name: latin1(params.get('name')) ?? '', filename };
}

type Phase = 'preamble' | 'after-boundary' | 'headers' | 'body' | 'end';

/** A Writable that parses a multipart body; emits `field` (name, value), `file` (name, stream, filename) and `done`. */
export class MultipartParser extends Writable {
  private readonly delimiter: Buffer;
  // A virtual CRLF in front lets the first boundary match the same delimiter as every later one.
  private pending: Buffer = Buffer.from('\r\n');
  private phase: Phase = 'preamble';
  private file: Readable | undefined;
  private field: { name: string; chunks: Buffer[] } | undefined;
  /** The current file stream is full; parsing waits for its reader. */
  private paused = false;
  private resume: (() => void) | undefined;
  /** Bytes of every non-file part so far: they are buffered, so a request may hold only `maxFields`. */
  private fieldBytes = 0;

  /** `maxFields` bounds the non-file parts of the whole body together, not each one. */
  constructor(
    boundary: string,
    private readonly maxFields: number,
  ) {
    super({ highWaterMark: 1024 * 1024 });
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // A leftover is at most a partial delimiter (a few bytes), and rare within file content.
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.process(callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    callback(this.phase === 'end' ? null : new Error('Unexpected end of form'));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.file?.destroy(error ?? new Error('multipart body aborted'));
    callback(error);
  }

  private process(callback: (error?: Error | null) => void): void {
    try {
      while (this.step()) {
        if (!this.paused) continue;
        // The file stream is full: continue when its reader asks for more.
        this.resume = () => {
          this.paused = false;
          this.process(callback);
        };
        return;
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  /** Advances over `pending`; false when more input is needed. Sets `paused` when a consumer is full. */
  private step(): boolean {
    const { delimiter } = this;
    switch (this.phase) {
      case 'preamble': {
        const at = this.pending.indexOf(delimiter);
        if (at < 0) return this.keepTail();
        this.pending = this.pending.subarray(at + delimiter.length);
        this.phase = 'after-boundary';
        return true;
      }
      case 'after-boundary': {
        if (this.pending.length < 2) return false;
        if (this.pending[0] === 0x2d && this.pending[1] === 0x2d) {
          this.phase = 'end';
          this.pending = Buffer.alloc(0);
          this.emit('done');
          return false;
        }
        const eol = this.pending.indexOf('\r\n');
        if (eol < 0) {
          if (this.pending.length > 1024) throw new Error('malformed boundary line');
          return false;
        }
        this.pending = this.pending.subarray(eol + 2);
        this.phase = 'headers';
        return true;
      }
      case 'headers': {
        if (this.pending.length < 2) return false;
        // A part without headers: its body starts right after the boundary line.
        if (this.pending[0] === 0x0d && this.pending[1] === 0x0a) return this.startPart(Buffer.alloc(0), 2);
        const at = this.pending.indexOf(CRLFCRLF);
        if (at < 0) {
          if (this.pending.length > MAX_HEADERS) throw new Error('multipart headers too large');
          return false;
        }
        return this.startPart(this.pending.subarray(0, at), at + 4);
      }
      case 'body': {
        const at = this.pending.indexOf(delimiter);
        if (at < 0) {
          // Hold back only a tail that could start the delimiter; usually none, so the next
          // chunk is searched as it is, without copying it onto a leftover.
          const safe = this.pending.length - this.partialTail();
          if (safe > 0) this.deliver(this.pending.subarray(0, safe));
          this.pending = this.pending.subarray(safe);
          return this.paused;
        }
        this.deliver(this.pending.subarray(0, at));
        this.pending = this.pending.subarray(at + delimiter.length);
        this.finishPart();
        this.phase = 'after-boundary';
        return true;
      }
      case 'end':
        this.pending = Buffer.alloc(0);
        return false;
    }
  }

  private keepTail(): boolean {
    this.pending = this.pending.subarray(this.pending.length - this.partialTail());
    return false;
  }

  /** Length of the longest end of `pending` that is a beginning of the delimiter. */
  private partialTail(): number {
    const { pending, delimiter } = this;
    for (let length = Math.min(pending.length, delimiter.length - 1); length > 0; length--) {
      const from = pending.length - length;
      if (pending[from] === 0x0d && pending.compare(delimiter, 0, length, from) === 0) return length;
    }
    return 0;
  }

  private startPart(headers: Buffer, consumed: number): boolean {
    this.pending = this.pending.subarray(consumed);
    const disposition = dispositionOf(headers) ?? { name: '', filename: undefined };
    if (disposition.filename !== undefined) {
      this.file = new Readable({ highWaterMark: 256 * 1024, read: () => this.continue() });
      this.emit('file', disposition.name, this.file, disposition.filename);
    } else {
      // A field's headers count too: many empty fields with long names must not grow memory either.
      this.fieldBytes += headers.length;
      if (this.fieldBytes > this.maxFields) throw new Error('multipart fields too large');
      this.field = { name: disposition.name, chunks: [] };
    }
    this.phase = 'body';
    return true;
  }

  private deliver(data: Buffer): void {
    if (data.length === 0) return;
    if (this.file) {
      if (!this.file.push(data)) this.paused = true;
      return;
    }
    if (this.field) {
      this.fieldBytes += data.length;
      if (this.fieldBytes > this.maxFields) throw new Error('multipart fields too large');
      this.field.chunks.push(Buffer.from(data));
    }
  }

  private finishPart(): void {
    if (this.file) this.file.push(null);
    if (this.field) this.emit('field', this.field.name, utf8OrMarked(Buffer.concat(this.field.chunks)));
    this.file = undefined;
    this.field = undefined;
    // An ended stream is never asked for more: what it buffered is read without us.
    this.paused = false;
  }

  private continue(): void {
    const resume = this.resume;
    this.resume = undefined;
    resume?.();
  }
}
