/**
 * The incremental part shared by the request and response decoders: bytes are pushed as they
 * arrive, `next()` hands out whole frames and then, chunk by chunk, the raw data that follows a
 * frame (upload data after a request, `data` bytes after a response). A malformed frame is a
 * `PROTOCOL_ERROR`, thrown again on every later call: the stream cannot be resynchronised.
 */
import type { PCloudError } from '../errors.js';
import { ByteQueue } from './byte-queue.js';
import { protocolError } from './protocol-error.js';

/** One step of the decoded stream. */
export type DecoderEvent<T> =
  /** A complete frame; `dataLength` raw bytes follow it as `data` events. */
  | { kind: 'frame'; frame: T; dataLength: number }
  /** A slice of the raw data after a frame; `remaining` bytes of it are still to come. */
  | { kind: 'data'; chunk: Buffer; remaining: number };

/** A parsed frame body and the length of the raw data announced in it. */
export interface ParsedFrame<T> {
  frame: T;
  dataLength: number;
}

/** Splits a byte stream into length-prefixed frames (u16 requests, u32 responses) and their data. */
export abstract class FrameDecoder<T> {
  private readonly queue = new ByteQueue();
  private dataLeft = 0;
  private failure: PCloudError | undefined;

  protected constructor(
    private readonly headerBytes: 2 | 4,
    private readonly maxFrameBytes: number,
  ) {}

  /** Adds bytes as they arrived from the connection. */
  push(chunk: Uint8Array): void {
    this.queue.push(chunk);
  }

  /** The next complete event, or undefined until more bytes are pushed. Throws `PROTOCOL_ERROR`. */
  next(): DecoderEvent<T> | undefined {
    if (this.failure) throw this.failure;
    if (this.dataLeft > 0) {
      if (this.queue.length === 0) return undefined;
      const chunk = this.queue.takeSome(this.dataLeft);
      this.dataLeft -= chunk.length;
      return { kind: 'data', chunk, remaining: this.dataLeft };
    }
    if (this.queue.length < this.headerBytes) return undefined;
    const length = this.queue.peek(this.headerBytes).readUIntLE(0, this.headerBytes);
    if (length === 0 || length > this.maxFrameBytes) {
      throw this.fail(protocolError(`frame length ${length} is outside 1..${this.maxFrameBytes}`));
    }
    if (this.queue.length < this.headerBytes + length) return undefined;
    this.queue.take(this.headerBytes);
    let parsed: ParsedFrame<T>;
    try {
      parsed = this.parse(this.queue.take(length));
    } catch (error) {
      throw this.fail(error as PCloudError);
    }
    this.dataLeft = parsed.dataLength;
    return { kind: 'frame', frame: parsed.frame, dataLength: parsed.dataLength };
  }

  /** True between frames: nothing half-received is pending (a clean place for the peer to close). */
  get idle(): boolean {
    return this.queue.length === 0 && this.dataLeft === 0;
  }

  /** Turns one complete frame body (without its length prefix) into a frame. */
  protected abstract parse(body: Buffer): ParsedFrame<T>;

  private fail(error: PCloudError): PCloudError {
    this.failure = error;
    return error;
  }
}
