import { PCloudError } from '@pcloud/core';
import { registerSecret } from '@pcloud/core/internal';
import type { Readable } from 'node:stream';

/** Reads a whole stream as text (a token piped in with `--token -`). */
async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The token given with `--token`: the value itself, or with `-` the first line of standard input
 * (so it stays out of the shell history and the process list). Registered for redaction at once.
 */
export async function readTokenArg(value: string, stdin: Readable): Promise<string> {
  const token = (value === '-' ? ((await readAll(stdin)).split(/\r?\n/)[0] ?? '') : value).trim();
  registerSecret(token);
  if (token === '' || /\s/.test(token)) {
    throw new PCloudError('USAGE_ERROR', '--token needs the token itself (or - to read it from standard input)');
  }
  return token;
}
