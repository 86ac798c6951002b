/**
 * A growable little-endian byte buffer for the encoders. It doubles its storage instead of
 * collecting parts, so encoding a large response costs one copy at the end.
 */
export class ByteWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(initialSize = 256) {
    this.buffer = Buffer.allocUnsafe(initialSize);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  /** Appends one byte. */
  u8(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** Appends an unsigned integer in `bytes` (1–8) little-endian bytes; the caller checks the range. */
  uint(value: number | bigint, bytes: number): void {
    this.reserve(bytes);
    if (typeof value === 'number' && bytes <= 6) {
      this.buffer.writeUIntLE(value, this.length, bytes);
    } else {
      let rest = BigInt(value);
      for (let i = 0; i < bytes; i++) {
        this.buffer[this.length + i] = Number(rest & 0xffn);
        rest >>= 8n;
      }
    }
    this.length += bytes;
  }

  /** Appends raw bytes. */
  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** Appends a string as `byteLength` UTF-8 bytes (from `Buffer.byteLength`), without a temporary buffer. */
  utf8(text: string, byteLength: number): void {
    this.reserve(byteLength);
    this.length += this.buffer.write(text, this.length, byteLength, 'utf8');
  }

  /** Overwrites a little-endian unsigned integer at `offset` (a length prefix written last). */
  patch(offset: number, value: number, bytes: number): void {
    this.buffer.writeUIntLE(value, offset, bytes);
  }

  /** The bytes written, as a Buffer of exactly that length. */
  finish(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
}

/** Number of bytes (1–8) needed for an unsigned integer. */
export function byteWidth(value: number | bigint): number {
  if (typeof value === 'number' && value <= 0xffff_ffff) {
    return value <= 0xff ? 1 : value <= 0xffff ? 2 : value <= 0xff_ffff ? 3 : 4;
  }
  let width = 1;
  let rest = BigInt(value) >> 8n;
  while (rest > 0n) {
    width++;
    rest >>= 8n;
  }
  return width;
}
