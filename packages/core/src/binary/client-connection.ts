/**
 * One client connection of the binary protocol (pcloud-api.md §9.1): requests are written in
 * call order (an upload's data right after its request, streamed with backpressure) and many may
 * be in flight at once; answers come back in the same order and are matched first-in first-out.
 * When the connection fails, every call still waiting on it fails with the same cause.
 */
import type { Socket } from 'node:net';
import { PCloudError, TransportError } from '../errors.js';
import { toTransportError } from '../client/transport-errors.js';
import type { Progress, WireAnswer } from '../client/transport.js';
import { ResponseDecoder } from './decode-response.js';
import type { UploadData } from './upload-data.js';
import { writeUpload } from './write-upload.js';

/** Options of one request on a connection. */
export interface SendOptions {
  data?: UploadData | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
  /** Idle timeout while this request's answer is awaited, in ms. */
  timeoutMs: number;
}

interface Pending {
  method: string;
  frame: Buffer;
  options: SendOptions;
  state: 'queued' | 'writing' | 'sent' | 'done';
  settle: (error: unknown, answer?: WireAnswer) => void;
}

type ErrorFor = (method: string) => PCloudError;

/** One persistent, pipelining connection to a binary-protocol server. */
export class ClientConnection {
  private readonly decoder = new ResponseDecoder();
  /** Requests waiting for the write side (behind an upload's data). */
  private readonly queued: Pending[] = [];
  /** Requests written, in the order their answers will come. */
  private readonly sent: Pending[] = [];
  private writing = false;
  private corked = false;
  private uploads = 0;
  private idleMs = 0;
  private failure: ErrorFor | undefined;
  private receiving: { answer: WireAnswer; chunks: Buffer[] } | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly onClosed: (connection: ClientConnection) => void,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('timeout', () =>
      this.fail((method) => new TransportError(`${method}: no answer in time (idle timeout).`, { timeout: true })),
    );
    socket.on('error', (error) => this.fail((method) => toTransportError(method, error)));
    socket.on('close', () => this.fail(dropped));
    socket.unref();
  }

  /** Requests queued or awaiting their answer. */
  get load(): number {
    return this.queued.length + this.sent.length;
  }

  /** Whether an upload holds (or will hold) the write side, so new requests would wait behind it. */
  get hasUploads(): boolean {
    return this.uploads > 0;
  }

  get isOpen(): boolean {
    return this.failure === undefined;
  }

  /** Sends one encoded request (and its data); resolves with the decoded answer. */
  send(method: string, frame: Buffer, options: SendOptions): Promise<WireAnswer> {
    if (this.failure) return Promise.reject(this.failure(method));
    return new Promise((resolve, reject) => {
      const onAbort = (): void => this.abort(pending);
      const pending: Pending = {
        method,
        frame,
        options,
        state: 'queued',
        settle: (error, answer) => {
          if (pending.state === 'done') return;
          if (pending.options.data) this.uploads--;
          pending.state = 'done';
          options.signal?.removeEventListener('abort', onAbort);
          if (error === undefined) resolve(answer as WireAnswer);
          else reject(error);
        },
      };
      if (options.data) this.uploads++;
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.queued.push(pending);
      this.activity();
      void this.pump();
    });
  }

  /** Closes the connection; calls still waiting fail. */
  close(): void {
    this.fail((method) => new TransportError(`${method}: the client was closed.`));
  }

  private async pump(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      for (let pending = this.queued.shift(); pending && !this.failure; pending = this.queued.shift()) {
        if (pending.state === 'done') continue;
        pending.state = 'writing';
        this.sent.push(pending);
        this.activity();
        this.writeFrame(pending.frame);
        if (pending.options.data) await this.writeData(pending, pending.options.data);
        if (pending.state === 'writing') pending.state = 'sent';
      }
    } finally {
      this.writing = false;
    }
  }

  /** Writes a request; the requests of one burst of calls leave in one write, not one each. */
  private writeFrame(frame: Buffer): void {
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(frame);
  }

  /** Streams an upload's data right after its request; exactly the announced length must come. */
  private async writeData(pending: Pending, data: UploadData): Promise<void> {
    let transferred = -1;
    try {
      transferred = await writeUpload(this.socket, data, pending.options.onProgress, () => this.failure !== undefined);
    } catch (error) {
      pending.settle(
        new PCloudError('LOCAL_IO_ERROR', `${pending.method}: reading the upload failed: ${(error as Error).message}`, { cause: error }),
      );
    }
    if (transferred !== data.length && !this.failure) {
      pending.settle(
        new PCloudError('LOCAL_IO_ERROR', `${pending.method}: the upload gave ${transferred} bytes, ${data.length} were announced.`),
      );
      // The server still expects the missing bytes: this connection cannot be used any more.
      this.fail(dropped);
    }
  }

  private receive(chunk: Buffer): void {
    this.decoder.push(chunk);
    try {
      for (let event = this.decoder.next(); event !== undefined; event = this.decoder.next()) {
        if (event.kind === 'frame') {
          if (this.sent.length === 0) throw new PCloudError('PROTOCOL_ERROR', 'an answer came for no request');
          if (event.dataLength === 0) this.answered(event.frame);
          else this.receiving = { answer: event.frame, chunks: [] };
        } else if (this.receiving) {
          this.receiving.chunks.push(event.chunk);
          if (event.remaining === 0) {
            const { answer, chunks } = this.receiving;
            this.receiving = undefined;
            // Raw data after an answer (file_read-style) is handed over as a Buffer in `data`.
            this.answered({ ...answer, data: Buffer.concat(chunks) });
          }
        }
      }
    } catch (error) {
      const reason = (error as Error).message;
      this.fail((method) => new TransportError(`${method}: the server sent a malformed binary answer: ${reason}`, { cause: error }));
    }
  }

  private answered(answer: WireAnswer): void {
    this.sent.shift()?.settle(undefined, answer);
    this.activity();
  }

  private abort(pending: Pending): void {
    const aborted = new PCloudError('ABORTED', `${pending.method}: the call was aborted.`);
    const midUpload = pending.state === 'writing' && pending.options.data !== undefined;
    // A request already sent keeps its place: its answer still comes and is skipped.
    pending.settle(aborted);
    if (midUpload) this.fail(dropped);
  }

  /** Keeps the process alive and the idle timer running only while answers are awaited. */
  private activity(): void {
    const head = this.sent[0];
    const idleMs = head ? head.options.timeoutMs : 0;
    if (idleMs !== this.idleMs) {
      this.idleMs = idleMs;
      this.socket.setTimeout(idleMs);
    }
    if (this.load > 0) this.socket.ref();
    else this.socket.unref();
  }

  private fail(errorFor: ErrorFor): void {
    if (this.failure) return;
    this.failure = errorFor;
    this.socket.destroy();
    this.receiving = undefined;
    for (const pending of [...this.sent.splice(0), ...this.queued.splice(0)]) pending.settle(errorFor(pending.method));
    this.onClosed(this);
  }
}

/** The server closed or reset the connection; a retryable transport failure. */
function dropped(method: string): TransportError {
  const cause = Object.assign(new Error('the connection was closed before the answer came'), { code: 'ECONNRESET' });
  return new TransportError(`${method}: connection failed: ${cause.message}`, { cause });
}
