import { Writable } from 'node:stream';
import type { TextSink } from '@pcloud/core/cli';

/**
 * Standard output as a byte stream for file contents (`cat`, `cp … -`): the process's stream as
 * it is, with its backpressure; a test's collector through a thin adapter.
 */
export function byteStream(sink: TextSink): Writable {
  if (sink instanceof Writable) return sink;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      (sink as unknown as { write(data: Buffer): unknown }).write(chunk);
      done();
    },
  });
}
