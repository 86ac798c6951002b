/**
 * Corruption in transit, for checksum tests: a transport factory that wraps the real HTTP
 * transport and flips one byte of the upload body of one method on its way to the socket (of
 * one file part, for a multipart body of several files). The server then genuinely stores (and
 * hashes) other bytes than the client hashed.
 */
import { Transform } from 'node:stream';
import type { RequestBody, TransportFactory } from '../../../src/index.js';
import { createHttpTransport } from '../../../src/internal.js';

function flipFirstByte(): Transform {
  let done = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!done && chunk.length > 0) {
        done = true;
        const copy = Buffer.from(chunk);
        copy[0] = copy[0]! ^ 0xff;
        callback(null, copy);
        return;
      }
      callback(null, chunk);
    },
  });
}

function flipped(source: AsyncIterable<Uint8Array>): Transform {
  const out = flipFirstByte();
  (async () => {
    for await (const piece of source) if (!out.write(piece)) await new Promise((r) => out.once('drain', r));
    out.end();
  })().catch((error: Error) => out.destroy(error));
  return out;
}

function corrupt(body: RequestBody, part: number): RequestBody {
  if (body.kind === 'parts') {
    const parts = body.parts.map((each, at) =>
      at === part ? { ...each, stream: flipped(each.stream as AsyncIterable<Uint8Array>) } : each,
    );
    return { kind: 'parts', parts };
  }
  return { kind: 'data', stream: flipped(body.stream as AsyncIterable<Uint8Array>), length: body.length };
}

/** An HTTP transport that corrupts the body of every `method` call (the file part at index `part` of several). */
export function corruptingTransport(method: string, part = 0): TransportFactory {
  return (settings) => {
    const inner = createHttpTransport(settings);
    return {
      kind: inner.kind,
      close: () => inner.close(),
      call: (name, params, options) =>
        inner.call(name, params, name === method && options.body ? { ...options, body: corrupt(options.body, part) } : options),
    };
  };
}
