/** The default content store: blobs as Buffers in memory (tests, short-lived emulators). */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStore, ByteRange, ScratchBlob, StoredBlob } from './blob-store.js';
import { ContentHasher, type ExtraDigest } from './content-hasher.js';

const newId = (): string => randomBytes(12).toString('hex');

function sliceStream(buffer: Buffer, range: ByteRange | undefined): Readable {
  const part = range ? buffer.subarray(range.start, range.end + 1) : buffer;
  return Readable.from([part], { objectMode: false });
}

function digestOf(buffer: Buffer, extra: ExtraDigest | undefined): ReturnType<ContentHasher['digest']> {
  const hasher = new ContentHasher(extra);
  hasher.update(buffer);
  return hasher.digest();
}

/** Keeps every blob in a Map of Buffers. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  async write(source: AsyncIterable<Buffer> | Iterable<Buffer>, extra: ExtraDigest | undefined): Promise<StoredBlob> {
    const hasher = new ContentHasher(extra);
    const chunks: Buffer[] = [];
    for await (const chunk of source) {
      hasher.update(chunk);
      chunks.push(chunk);
    }
    const id = newId();
    this.blobs.set(id, Buffer.concat(chunks));
    return { id, ...hasher.digest() };
  }

  read(id: string, range?: ByteRange): Readable {
    return sliceStream(this.blobs.get(id) ?? Buffer.alloc(0), range);
  }

  async openScratch(from?: string): Promise<ScratchBlob> {
    const initial = from === undefined ? Buffer.alloc(0) : Buffer.from(this.blobs.get(from) ?? Buffer.alloc(0));
    return new MemoryScratch(newId(), initial, this.blobs);
  }

  remove(id: string): void {
    this.blobs.delete(id);
  }

  async close(): Promise<void> {}
}

class MemoryScratch implements ScratchBlob {
  constructor(
    readonly id: string,
    private content: Buffer,
    private readonly blobs: Map<string, Buffer>,
  ) {}

  size(): number {
    return this.content.length;
  }

  async writeAt(offset: number, source: AsyncIterable<Buffer>): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of source) chunks.push(chunk);
    const data = Buffer.concat(chunks);
    const end = offset + data.length;
    if (end > this.content.length) {
      const grown = Buffer.alloc(end);
      this.content.copy(grown);
      this.content = grown;
    }
    data.copy(this.content, offset);
    return data.length;
  }

  async truncate(length: number): Promise<void> {
    const next = Buffer.alloc(length);
    this.content.copy(next, 0, 0, Math.min(length, this.content.length));
    this.content = next;
  }

  read(range?: ByteRange): Readable {
    return sliceStream(this.content, range);
  }

  async digests(extra: ExtraDigest | undefined): Promise<ReturnType<ContentHasher['digest']>> {
    return digestOf(this.content, extra);
  }

  async commit(extra: ExtraDigest | undefined): Promise<StoredBlob> {
    this.blobs.set(this.id, this.content);
    return { id: this.id, ...digestOf(this.content, extra) };
  }

  async discard(): Promise<void> {
    this.content = Buffer.alloc(0);
  }
}
