/**
 * Routes the data that follows one binary request (the file of `uploadfile`, the chunk of
 * `upload_write`) into the stream the method handler reads, with backpressure: while the handler
 * is slower than the network, the connection stops reading. Once the call is answered, whatever
 * the handler left unread is dropped so the next request on the connection can be read.
 */
import { PassThrough } from 'node:stream';

/** The data of one request on its way to the method handler. */
export class UploadSink {
  /** The stream the handler reads; ends after exactly the declared number of bytes. */
  readonly stream = new PassThrough({ highWaterMark: 256 * 1024 });
  private discarding = false;
  private blocked = false;

  /** `onFlow` is called whenever `blocked` changes, so the connection can pause or resume reading. */
  constructor(
    readonly length: number,
    private readonly onFlow: () => void,
  ) {
    // A handler that stops reading destroys the stream; later writes are dropped, not errors.
    this.stream.on('error', () => {});
    this.stream.on('close', () => this.unblock());
    if (length === 0) this.stream.end();
  }

  /** Whether the handler has not caught up yet and reading should pause. */
  get isBlocked(): boolean {
    return this.blocked;
  }

  /** Passes on a slice of the request's data. */
  write(chunk: Buffer): void {
    if (this.discarding || this.stream.destroyed) return;
    if (!this.stream.write(chunk) && !this.blocked) {
      this.blocked = true;
      this.stream.once('drain', () => this.unblock());
      this.onFlow();
    }
  }

  /** The last byte of the data was passed on. */
  end(): void {
    if (!this.discarding && !this.stream.destroyed) this.stream.end();
  }

  /** The call was answered: drop what the handler did not read and what is still to come. */
  discardRest(): void {
    this.discarding = true;
    if (!this.stream.destroyed) this.stream.resume();
    this.unblock();
  }

  /** The connection went away before all data arrived. */
  abort(): void {
    if (!this.stream.writableEnded) this.stream.destroy(new Error('the connection closed before the upload data was complete'));
  }

  private unblock(): void {
    if (!this.blocked) return;
    this.blocked = false;
    this.onFlow();
  }
}
