/**
 * The default content store: blobs as Buffers in memory (tests, short-lived emulators). Content
 * larger than a few MiB, and every scratch (resumable uploads, fd writes), goes to a private
 * temporary directory instead, so a 1 GiB upload does not grow memory even without a data dir.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { DiskBlobStore } from './disk-blob-store.js';
import type { BlobReader, BlobStore, ByteRange, ScratchBlob, StoredBlob } from './blob-store.js';
import { ContentHasher, type ExtraDigest } from './content-hasher.js';
import { eachChunk } from './each-chunk.js';

const newId = (): string => randomBytes(12).toString('hex');

function sliceStream(buffer: Buffer, range: ByteRange | undefined): Readable {
  const part = range ? buffer.subarray(range.start, range.end + 1) : buffer;
  return Readable.from([part], { objectMode: false });
}

/** Bytes above which content goes to the spill directory. */
const SPILL_BYTES = 8 * 1024 * 1024;

/** Keeps blobs in a Map of Buffers; large ones in a temporary directory removed on close. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();
  private spillDir: string | undefined;
  private spill: DiskBlobStore | undefined;

  async write(
    source: AsyncIterable<Buffer> | Iterable<Buffer>,
    extra: ExtraDigest | undefined,
    expectedSize?: number,
  ): Promise<StoredBlob> {
    const chunks: Buffer[] = [];
    let size = 0;
    let spilling: { sink: PassThrough; stored: Promise<StoredBlob> } | undefined;
    try {
      await eachChunk(source, (chunk) => {
        if (spilling) return spilling.sink.write(chunk) ? undefined : once(spilling.sink, 'drain').then(() => undefined);
        chunks.push(chunk);
        size += chunk.length;
        if (size <= SPILL_BYTES) return undefined;
        // Too big for memory: what came so far and the rest go to the spill directory.
        const sink = new PassThrough({ highWaterMark: 1024 * 1024 });
        const stored = this.spillStore().write(sink, extra, expectedSize);
        stored.catch((error: Error) => sink.destroy(error));
        spilling = { sink, stored };
        for (const early of chunks.splice(0)) sink.write(early);
        return undefined;
      });
    } catch (error) {
      spilling?.sink.destroy(error as Error);
      await spilling?.stored.catch(() => undefined);
      throw error;
    }
    if (spilling) {
      spilling.sink.end();
      return spilling.stored;
    }
    const hasher = new ContentHasher(extra);
    const content = Buffer.concat(chunks, size);
    hasher.update(content);
    const id = newId();
    this.blobs.set(id, content);
    return { id, ...hasher.digest() };
  }

  read(id: string, range?: ByteRange): Readable {
    const content = this.blobs.get(id);
    if (!content && this.spill) return this.spill.read(id, range);
    return sliceStream(content ?? Buffer.alloc(0), range);
  }

  async openReader(id: string): Promise<BlobReader> {
    const content = this.blobs.get(id);
    if (!content && this.spill) return this.spill.openReader(id);
    const bytes = content ?? Buffer.alloc(0);
    return {
      read: async (into, length, position) => bytes.copy(into, 0, position, Math.min(bytes.length, position + length)),
      close: async () => undefined,
    };
  }

  /** Scratches (resumable uploads, fd writes) grow to any size, so they always live in the spill directory. */
  async openScratch(from?: string): Promise<ScratchBlob> {
    const spill = this.spillStore();
    const inMemory = from === undefined ? undefined : this.blobs.get(from);
    if (inMemory === undefined) return spill.openScratch(from);
    const copy = await spill.write([inMemory], undefined);
    try {
      return await spill.openScratch(copy.id);
    } finally {
      spill.remove(copy.id);
    }
  }

  /** Sessions of a memory store end with the process: always a new scratch in the spill directory. */
  openSessionScratch(): Promise<ScratchBlob> {
    return this.spillStore().openScratch();
  }

  async sweepSessionScratches(): Promise<void> {}

  remove(id: string): void {
    if (!this.blobs.delete(id)) this.spill?.remove(id);
  }

  async close(): Promise<void> {
    if (this.spillDir) rmSync(this.spillDir, { recursive: true, force: true });
  }

  private spillStore(): DiskBlobStore {
    this.spillDir ??= mkdtempSync(join(tmpdir(), 'pcloud-emulator-'));
    this.spill ??= new DiskBlobStore(this.spillDir);
    return this.spill;
  }
}
