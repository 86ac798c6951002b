/**
 * Connection trouble the emulator cannot stage, at the transport seam over the real HTTP
 * transport: a body that breaks off after some bytes (the server keeps what arrived), an
 * answer lost after the server did the work, and a server still busy with a broken-off write
 * when the next one comes (it answers 2068). Failures look like a reset connection.
 */
import { Readable } from 'node:stream';
import { TransportError, type RequestBody, type TransportFactory } from '../../../src/index.js';
import { createHttpTransport } from '../../../src/internal.js';

/** What to break, on which call of `method` (1-based). */
export interface FlakyPlan {
  method: string;
  /** On this call, the body stops after `cutAfter` bytes and the connection "resets". */
  cutOnCall?: number;
  cutAfter?: number;
  /** On this call, the server's answer is thrown away and the connection "resets". */
  loseAnswerOnCall?: number;
  /** On this call, the answer is 2068, as while the server still takes in an earlier, broken-off write. */
  busyOnCall?: number;
}

function reset(): Error {
  return Object.assign(new Error('socket hang up (test)'), { code: 'ECONNRESET' });
}

function cut(body: RequestBody, after: number): RequestBody {
  if (body.kind !== 'data') return body;
  const source = body.stream;
  async function* limited(): AsyncGenerator<Buffer> {
    let sent = 0;
    for await (const piece of source as AsyncIterable<Buffer>) {
      if (sent + piece.length >= after) {
        yield piece.subarray(0, after - sent);
        // Give the bytes time to reach the server before the body breaks.
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw reset();
      }
      sent += piece.length;
      yield piece;
    }
  }
  return { kind: 'data', stream: Readable.from(limited()), length: body.length };
}

/** An HTTP transport that breaks calls of one method as planned. */
export function flakyTransport(plan: FlakyPlan): TransportFactory {
  return (settings) => {
    const inner = createHttpTransport(settings);
    let calls = 0;
    return {
      kind: inner.kind,
      close: () => inner.close(),
      async call(name, params, options) {
        if (name !== plan.method) return inner.call(name, params, options);
        calls++;
        if (calls === plan.busyOnCall) return { result: 2068, error: 'Could not write to the upload.' };
        if (calls === plan.cutOnCall && options.body) {
          await inner.call(name, params, { ...options, body: cut(options.body, plan.cutAfter ?? 0) }).catch(() => undefined);
          throw transportReset(name);
        }
        const answer = await inner.call(name, params, options);
        if (calls === plan.loseAnswerOnCall) throw transportReset(name);
        return answer;
      },
    };
  };
}

function transportReset(method: string): TransportError {
  return new TransportError(`${method}: connection failed: socket hang up (test)`, { cause: reset() });
}
