/**
 * Bounds-checked little-endian reads over one complete frame. Running past the end of the frame
 * is a `PROTOCOL_ERROR`: a length or count that does not match the bytes can never hang or crash.
 */
import { protocolError } from './protocol-error.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the fields of one frame in order, refusing to read past its end. */
export class FrameReader {
  private position = 0;

  constructor(
    private readonly frame: Buffer,
    private readonly what: string,
  ) {}

  /** Whether every byte of the frame was read. */
  get atEnd(): boolean {
    return this.position === this.frame.length;
  }

  /** Bytes not read yet. */
  get remaining(): number {
    return this.frame.length - this.position;
  }

  /** Reads one byte. */
  u8(): number {
    this.need(1);
    return this.frame[this.position++] as number;
  }

  /** Reads an unsigned integer of 1–8 bytes; a number when it fits 2^53−1, else a bigint. */
  uint(bytes: number): number | bigint {
    this.need(bytes);
    const at = this.position;
    this.position += bytes;
    if (bytes <= 6) return this.frame.readUIntLE(at, bytes);
    let value = 0n;
    for (let i = bytes - 1; i >= 0; i--) value = (value << 8n) | BigInt(this.frame[at + i] as number);
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }

  /** Reads an unsigned integer that must fit a JS number (lengths, counts, ids). */
  safeUint(bytes: number, label: string): number {
    const value = this.uint(bytes);
    if (typeof value === 'bigint') throw protocolError(`${this.what}: ${label} ${value} is out of range`);
    return value;
  }

  /** Reads `length` bytes as UTF-8; strict mode refuses invalid sequences instead of replacing them. */
  utf8(length: number, strict: boolean): string {
    this.need(length);
    const bytes = this.frame.subarray(this.position, this.position + length);
    this.position += length;
    if (!strict) return bytes.toString('utf8');
    try {
      return strictUtf8.decode(bytes);
    } catch {
      throw protocolError(`${this.what}: invalid UTF-8 in a string`);
    }
  }

  private need(bytes: number): void {
    if (this.position + bytes > this.frame.length) {
      throw protocolError(`${this.what}: needs ${bytes} more byte(s) at offset ${this.position} but the frame has ${this.remaining}`);
    }
  }
}
