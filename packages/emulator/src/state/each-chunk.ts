/**
 * Visits the chunks of a content source one by one. A Readable is consumed through `data`
 * events: its async iterator joins whatever is buffered into a fresh Buffer on every read,
 * and those allocations, not hashing or I/O, were the main cost of a 1 GiB upload.
 */
import { Readable } from 'node:stream';

/** Calls `visit` for every chunk, in order; a returned promise pauses the source until it settles. */
export function eachChunk(source: AsyncIterable<Buffer> | Iterable<Buffer>, visit: (chunk: Buffer) => Promise<void> | void): Promise<void> {
  if (!(source instanceof Readable)) {
    return (async () => {
      for await (const chunk of source) await visit(chunk);
    })();
  }
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      source.off('data', onData);
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onData = (chunk: Buffer): void => {
      let pending: Promise<void> | void;
      try {
        pending = visit(chunk);
      } catch (error) {
        return fail(error);
      }
      if (!pending) return;
      source.pause();
      pending.then(() => failed || source.resume(), fail);
    };
    source.on('data', onData);
    source.once('end', () => failed || resolve());
    source.once('error', fail);
    // `aborted` without `error` happens when a client goes away mid-body.
    source.once('aborted', () => fail(new Error('request aborted')));
    source.once('close', () => {
      if (!source.readableEnded) fail(new Error('stream closed before its end'));
    });
  });
}

/** Two visits' results as one: a promise when either had to wait, which settles when both did. */
export function whenBoth(first: Promise<void> | void, second: Promise<void> | void): Promise<void> | void {
  if (first && second) return Promise.all([first, second]).then(() => undefined);
  return first ?? second;
}
