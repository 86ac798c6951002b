/**
 * The files of one request as an async iterable that fills while the body streams in (a full
 * file stream pauses the body, so memory stays bounded). Once the answer
 * is decided, `drain()` lets the rest of the body flow past so the connection can be reused.
 */
import type { IncomingFile } from '../api/types.js';

/** A queue of incoming files. */
export class FileQueue implements AsyncIterable<IncomingFile> {
  private readonly items: IncomingFile[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: Error | undefined;
  private draining = false;

  /** Adds a file (or drops it at once when draining). */
  push(file: IncomingFile): void {
    if (this.draining) {
      file.stream.resume();
      return;
    }
    this.items.push(file);
    this.notify();
  }

  /** No more files will come. */
  end(): void {
    this.ended = true;
    this.notify();
  }

  /** The body broke off: the consumer's next read throws. */
  fail(error: Error): void {
    this.failure = error;
    this.notify();
  }

  /** Discards files nobody read, now and later. */
  drain(): void {
    this.draining = true;
    for (const file of this.items.splice(0)) file.stream.resume();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<IncomingFile> {
    for (;;) {
      const next = this.items.shift();
      if (next) yield next;
      else if (this.failure) throw this.failure;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
