import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The sha1 of a local file, read as a stream so memory stays flat whatever its size. */
export async function sha1File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path, signal ? { signal } : {})) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
