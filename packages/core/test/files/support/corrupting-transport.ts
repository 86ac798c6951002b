/**
 * Corruption in transit, for checksum tests: a transport factory that wraps the real HTTP
 * transport and flips one byte of the upload body of one method on its way to the socket.
 * The server then genuinely stores (and hashes) other bytes than the client hashed.
 */
import { Transform } from 'node:stream';
import { createHttpTransport, type RequestBody, type TransportFactory } from '../../../src/index.js';

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

function corrupt(body: RequestBody): RequestBody {
  if (body.kind !== 'data') return body;
  const source = body.stream;
  const flipped = flipFirstByte();
  (async () => {
    for await (const piece of source) if (!flipped.write(piece)) await new Promise((r) => flipped.once('drain', r));
    flipped.end();
  })().catch((error: Error) => flipped.destroy(error));
  return { kind: 'data', stream: flipped, length: body.length };
}

/** An HTTP transport that corrupts the body of every `method` call. */
export function corruptingTransport(method: string): TransportFactory {
  return (settings) => {
    const inner = createHttpTransport(settings);
    return {
      kind: inner.kind,
      close: () => inner.close(),
      call: (name, params, options) =>
        inner.call(name, params, name === method && options.body ? { ...options, body: corrupt(options.body) } : options),
    };
  };
}
