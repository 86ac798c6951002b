/**
 * The paste path of the OAuth code flow: read one non-empty line from an input stream (a
 * terminal) — the code shown on pCloud's page, or the address the browser ended on.
 */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { PCloudError } from '../errors.js';
import { parsePastedCode, type RedirectResult } from './redirect-result.js';

/**
 * Resolves with the first pasted line that parses; rejects on abort, and on end of input
 * unless `keepWaiting` (another source, the loopback listener, may still deliver).
 */
export function readPastedCode(input: Readable, signal?: AbortSignal, keepWaiting = false): Promise<RedirectResult> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
    let done = false;
    const finish = (action: () => void): void => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      lines.close();
      action();
    };
    const onAbort = (): void => finish(() => reject(new PCloudError('ABORTED', 'The login was aborted.')));
    lines.on('line', (line) => {
      if (line.trim() === '') return;
      try {
        const result = parsePastedCode(line);
        finish(() => resolve(result));
      } catch (error) {
        finish(() => reject(error));
      }
    });
    lines.on('close', () => {
      if (!keepWaiting) finish(() => reject(new PCloudError('AUTH_ERROR', 'No code was entered (input ended).')));
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
