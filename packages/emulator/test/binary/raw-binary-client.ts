/** Test helper: a raw binary-protocol socket that writes bytes and collects decoded answers. */
import net from 'node:net';
import tls from 'node:tls';
import { ResponseDecoder, type BinaryHash } from '@pcloud/core/binary';

/** One answer and the raw data that followed it. */
export interface RawAnswer {
  value: BinaryHash;
  data: Buffer;
}

export class RawBinaryClient {
  readonly answers: RawAnswer[] = [];
  closed = false;
  private readonly decoder = new ResponseDecoder();
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.decoder.push(chunk);
      for (let event = this.decoder.next(); event !== undefined; event = this.decoder.next()) {
        if (event.kind === 'frame') this.answers.push({ value: event.frame, data: Buffer.alloc(0) });
        else {
          const last = this.answers.at(-1) as RawAnswer;
          last.data = Buffer.concat([last.data, event.chunk]);
        }
      }
      this.wake();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  /** Connects to a plain port, or a TLS port trusting `ca`. */
  static async connect(port: number, ca?: string): Promise<RawBinaryClient> {
    const socket = ca === undefined ? net.connect(port, '127.0.0.1') : tls.connect({ port, host: '127.0.0.1', ca });
    await new Promise<void>((resolve, reject) => {
      socket.once(ca === undefined ? 'connect' : 'secureConnect', resolve);
      socket.once('error', reject);
    });
    return new RawBinaryClient(socket);
  }

  write(...chunks: Buffer[]): void {
    for (const chunk of chunks) this.socket.write(chunk);
  }

  /** Waits until `count` answers arrived (or the connection closed) and returns all answers so far. */
  async waitAnswers(count: number): Promise<RawAnswer[]> {
    await this.waitFor(() => this.answers.length >= count);
    return this.answers;
  }

  /** Waits until the server closed the connection. */
  waitClosed(): Promise<void> {
    return this.waitFor(() => false);
  }

  /** Waits until `done()` holds or the connection closed. */
  async waitFor(done: () => boolean): Promise<void> {
    while (!done() && !this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
