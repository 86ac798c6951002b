/**
 * Writes binary-protocol answers (pcloud-api.md §9.3) on one socket: the encoded hash, then the
 * raw data of a file_read-style answer, with backpressure. Answers finished in the same tick
 * (pipelined calls) leave in one write. Fault injection can cut an answer halfway.
 */
import { once } from 'node:events';
import type { Socket } from 'node:net';
import { resultMessage } from '@pcloud/core/internal';
import { BinaryData, encodeResponse } from '@pcloud/core/binary';
import type { DispatchOutcome } from '../api/dispatcher.js';

/** A dispatcher outcome that must be sent. */
export type Answer = Extract<DispatchOutcome, { kind: 'answer' }>;

/** Sends answers on a socket; `closed` aborts a wait for the socket to drain. */
export class AnswerWriter {
  private corked = false;

  constructor(
    private readonly socket: Socket,
    private readonly closed: AbortSignal,
    private readonly longForm: boolean,
  ) {}

  /** Sends one answer and its data; resolves once the socket took it. */
  async send(answer: Answer): Promise<void> {
    const data = answer.data;
    try {
      const frame = this.encode(data ? { ...answer.body, data: new BinaryData(data.length) } : answer.body);
      if (answer.resetMidResponse && !data)
        return void this.socket.write(frame.subarray(0, frame.length >> 1), () => this.socket.destroy());
      await this.write(frame);
      if (data) await this.sendData(data.stream, data.length, answer.resetMidResponse);
    } finally {
      data?.stream.destroy();
    }
  }

  private encode(body: Record<string, unknown>): Buffer {
    try {
      return encodeResponse(body, { longForm: this.longForm });
    } catch {
      // A body value without a binary form is an emulator bug; answer like pCloud's internal error.
      return encodeResponse({ result: 5000, error: resultMessage(5000) });
    }
  }

  /** Sends the raw data after an answer; `reset` cuts the connection halfway through it. */
  private async sendData(stream: AsyncIterable<Buffer>, length: number, reset: boolean): Promise<void> {
    let sent = 0;
    for await (const chunk of stream) {
      if (reset && sent + chunk.length > length / 2) {
        return void this.socket.write(chunk.subarray(0, Math.max(0, Math.floor(length / 2) - sent)), () => this.socket.destroy());
      }
      sent += chunk.length;
      await this.write(chunk);
    }
    // A stream shorter than announced would desynchronise the client: cut the connection.
    if (sent !== length) this.socket.destroy();
  }

  private async write(bytes: Buffer): Promise<void> {
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    if (this.socket.write(bytes) || this.socket.destroyed) return;
    await once(this.socket, 'drain', { signal: this.closed });
  }
}
