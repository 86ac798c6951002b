/**
 * Serves pCloud's binary protocol on one socket (pcloud-api.md §9): requests are decoded as they
 * arrive, run one after another through the same dispatcher as HTTP (so a pipelined call sees the
 * effects and the login of the calls before it) and answered in order, each answer followed by its
 * raw data when it has some. Bad framing, an undefined parameter type or an unknown method close
 * this connection only (§9.5); nothing a client sends can throw out of here.
 */
import type { Socket } from 'node:net';
import { RequestDecoder, type DecodedRequest, type ParamValue } from '@pcloud/core/binary';
import type { Dispatcher, DispatchOutcome } from '../api/dispatcher.js';
import type { ConnectionState, IncomingFile } from '../api/types.js';
import { AnswerWriter } from './answer-writer.js';
import { UploadSink } from './upload-sink.js';

/** How one binary connection answers. */
export interface BinaryConnectionOptions {
  dispatcher: Dispatcher;
  /** Answer in the long form (type-3 strings, type-15 integers) to exercise clients' decoders. */
  longForm?: boolean;
}

/** Pipelined requests waiting for their turn beyond which the connection stops reading. */
const MAX_QUEUED = 256;

type Queued = { request: DecodedRequest; sink: UploadSink | undefined } | 'close';

/** Takes over a connected (plain or TLS) socket until it closes. */
export function serveBinaryConnection(socket: Socket, options: BinaryConnectionOptions): void {
  const decoder = new RequestDecoder();
  const connection: ConnectionState = { remoteAddress: socket.remoteAddress ?? '', stickyAuth: true };
  const closed = new AbortController();
  const writer = new AnswerWriter(socket, closed.signal, options.longForm === true);
  const queue: Queued[] = [];
  let receiving: UploadSink | undefined;
  let reading = true;
  let running = false;

  const flow = (): void => {
    const pause = !reading || receiving?.isBlocked === true || queue.length > MAX_QUEUED;
    if (pause) socket.pause();
    else socket.resume();
  };

  socket.on('error', () => {});
  socket.on('close', () => {
    closed.abort();
    receiving?.abort();
    for (const item of queue) if (item !== 'close') item.sink?.abort();
  });
  socket.on('end', () => {
    // A clean half-close between requests: answer what was asked, then close. Mid-frame: close now.
    if (!decoder.idle) return void socket.destroy();
    reading = false;
    queue.push('close');
    void run();
  });
  socket.on('data', (chunk: Buffer) => {
    if (!reading) return;
    decoder.push(chunk);
    try {
      for (let event = decoder.next(); event !== undefined; event = decoder.next()) {
        if (event.kind === 'frame') {
          const { frame } = event;
          // An unknown method closes the connection (§9.5) before its data is read.
          if (!options.dispatcher.knows(frame.method)) throw new Error('unknown method');
          const sink = frame.hasData ? new UploadSink(frame.dataLength, flow) : undefined;
          if (sink && frame.dataLength > 0) receiving = sink;
          queue.push({ request: frame, sink });
        } else {
          receiving?.write(event.chunk);
          if (event.remaining === 0) {
            receiving?.end();
            receiving = undefined;
          }
        }
      }
    } catch {
      // Malformed input or an unknown method: the stream cannot be resynchronised. Answer what came before, then close.
      reading = false;
      queue.push('close');
    }
    flow();
    void run();
  });

  async function run(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (let item = queue.shift(); item !== undefined && !socket.destroyed; item = queue.shift()) {
        flow();
        if (item === 'close') {
          socket.end(() => socket.destroy());
          return;
        }
        const outcome = await dispatch(item.request, item.sink);
        item.sink?.discardRest();
        if (outcome.kind === 'close') return void socket.destroy();
        await writer.send(outcome);
      }
    } catch {
      socket.destroy();
    } finally {
      running = false;
    }
  }

  function dispatch(request: DecodedRequest, sink: UploadSink | undefined): Promise<DispatchOutcome> {
    const params = new Map<string, string>();
    for (const [name, value] of request.params) params.set(name, paramText(value));
    const call = { method: request.method, params, connection, files: filesOf(sink), signal: closed.signal };
    return options.dispatcher.dispatch(sink ? { ...call, bodyLength: sink.length } : call);
  }
}

/** Parameters as the dispatcher takes them: the text an HTTP client would have sent. */
function paramText(value: ParamValue): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

async function* filesOf(sink: UploadSink | undefined): AsyncIterable<IncomingFile> {
  if (sink) yield { filename: undefined, stream: sink.stream, length: sink.length };
}
