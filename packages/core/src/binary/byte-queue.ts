/**
 * The bytes received but not yet decoded, kept as the chunks they arrived in. Reading a frame
 * joins chunks once, when the whole frame is there, so a large answer arriving in many small
 * chunks costs linear time; data passes through as slices of the received chunks, uncopied.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private head = 0;
  private total = 0;

  /** Bytes queued. */
  get length(): number {
    return this.total;
  }

  /** Queues a received chunk. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    this.total += chunk.length;
  }

  /** The first `count` bytes as one Buffer, without consuming them; the caller checks `length` first. */
  peek(count: number): Buffer {
    let first = this.chunks[0] as Buffer;
    if (first.length - this.head < count) {
      this.compact(count);
      first = this.chunks[0] as Buffer;
    }
    return first.subarray(this.head, this.head + count);
  }

  /** Consumes and returns the first `count` bytes as one Buffer; the caller checks `length` first. */
  take(count: number): Buffer {
    const bytes = this.peek(count);
    this.skip(count);
    return bytes;
  }

  /** Consumes up to `max` bytes from the first chunk, uncopied (for streaming data through). */
  takeSome(max: number): Buffer {
    const first = this.chunks[0] as Buffer;
    const count = Math.min(max, first.length - this.head);
    const bytes = first.subarray(this.head, this.head + count);
    this.skip(count);
    return bytes;
  }

  private skip(count: number): void {
    this.total -= count;
    this.head += count;
    while (this.chunks.length > 0 && this.head >= (this.chunks[0] as Buffer).length) {
      this.head -= (this.chunks.shift() as Buffer).length;
    }
  }

  /** Joins the leading chunks until the first one holds at least `count` unread bytes. */
  private compact(count: number): void {
    const parts: Buffer[] = [];
    let have = 0;
    let index = 0;
    while (have < count) {
      const chunk = this.chunks[index++] as Buffer;
      const part = index === 1 ? chunk.subarray(this.head) : chunk;
      parts.push(part);
      have += part.length;
    }
    this.chunks.splice(0, index, Buffer.concat(parts, have));
    this.head = 0;
  }
}
