/**
 * Content on disk under `<dataDir>/blobs`, streamed in and out. File names are ids this store
 * makes (hex), never anything a client sent, so no request can reach outside the data dir.
 * Scratches of resumable upload sessions live in `uploads/` and survive a restart; every other
 * scratch lives in `tmp/`, which a start clears.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { copyFile, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SequentialWriter } from '@pcloud/core/internal';
import type { BlobReader, BlobStore, ByteRange, ScratchBlob, StoredBlob } from './blob-store.js';
import { eachChunk, whenBoth } from './each-chunk.js';
import { ContentHasher, hashingFor, type ContentDigests, type ExtraDigest } from './content-hasher.js';

const ID = /^[0-9a-f]{24}$/;
const newId = (): string => randomBytes(12).toString('hex');
// Large reads keep the per-chunk overhead low on 1 GiB downloads; memory stays bounded by it.
const READ_CHUNK = 1024 * 1024;

async function digestFile(path: string, extra: ExtraDigest | undefined): Promise<ContentDigests> {
  const hasher = new ContentHasher(extra);
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) hasher.update(chunk as Buffer);
  return hasher.digest();
}

/** Stores blobs as files in a directory. */
export class DiskBlobStore implements BlobStore {
  private readonly blobDir: string;
  private readonly tmpDir: string;
  private readonly sessionDir: string;

  constructor(dataDir: string) {
    this.blobDir = join(dataDir, 'blobs');
    this.tmpDir = join(dataDir, 'tmp');
    this.sessionDir = join(dataDir, 'uploads');
    mkdirSync(this.blobDir, { recursive: true });
    mkdirSync(this.sessionDir, { recursive: true });
    // Leftovers of an interrupted run are partial uploads: nothing references them.
    rmSync(this.tmpDir, { recursive: true, force: true });
    mkdirSync(this.tmpDir, { recursive: true });
  }

  /** Path of a stored blob; refuses anything that is not one of our ids. */
  pathOf(id: string): string {
    if (!ID.test(id)) throw new Error(`not a blob id: ${JSON.stringify(id)}`);
    return join(this.blobDir, id);
  }

  async write(
    source: AsyncIterable<Buffer> | Iterable<Buffer>,
    extra: ExtraDigest | undefined,
    expectedSize?: number,
  ): Promise<StoredBlob> {
    const id = newId();
    const tmp = join(this.tmpDir, id);
    const out = createWriteStream(tmp, { highWaterMark: READ_CHUNK });
    const hashing = hashingFor(extra, expectedSize);
    try {
      await eachChunk(source, (chunk) => {
        return whenBoth(hashing.update(chunk), out.write(chunk) ? undefined : once(out, 'drain').then(() => undefined));
      });
      out.end();
      await once(out, 'finish');
      const digests = await hashing.digest();
      await rename(tmp, this.pathOf(id));
      return { id, ...digests };
    } catch (error) {
      hashing.abandon();
      // A write still in flight reports on the destroyed stream; with no listener that would be
      // an uncaught exception (seen when a client hangs up mid-upload).
      out.on('error', () => undefined);
      out.destroy();
      await rm(tmp, { force: true });
      throw error;
    }
  }

  read(id: string, range?: ByteRange): Readable {
    return createReadStream(this.pathOf(id), { highWaterMark: READ_CHUNK, ...(range ?? {}) });
  }

  async openReader(id: string): Promise<BlobReader> {
    const handle = await open(this.pathOf(id), 'r');
    return {
      read: async (into, length, position) => (await handle.read(into, 0, length, position)).bytesRead,
      close: () => handle.close(),
    };
  }

  async openScratch(from?: string): Promise<ScratchBlob> {
    const id = newId();
    const path = join(this.tmpDir, id);
    if (from !== undefined) await copyFile(this.pathOf(from), path);
    const handle = await open(path, from !== undefined ? 'r+' : 'w+');
    const { size } = await handle.stat();
    return new DiskScratch(id, path, handle, size, this);
  }

  async openSessionScratch(id?: string): Promise<ScratchBlob> {
    if (id !== undefined && !ID.test(id)) throw new Error(`not a scratch id: ${JSON.stringify(id)}`);
    const scratchId = id ?? newId();
    const path = join(this.sessionDir, scratchId);
    const handle = await open(path, id !== undefined ? 'r+' : 'w+');
    const { size } = await handle.stat();
    return new DiskScratch(scratchId, path, handle, size, this);
  }

  async sweepSessionScratches(keep: ReadonlySet<string>): Promise<void> {
    for (const name of await readdir(this.sessionDir)) if (!keep.has(name)) await rm(join(this.sessionDir, name), { force: true });
  }

  remove(id: string): void {
    if (ID.test(id)) rm(this.pathOf(id), { force: true }).catch(() => undefined);
  }

  async close(): Promise<void> {}
}

class DiskScratch implements ScratchBlob {
  constructor(
    readonly id: string,
    private readonly path: string,
    private readonly handle: FileHandle,
    private length: number,
    private readonly store: DiskBlobStore,
  ) {}

  size(): number {
    return this.length;
  }

  async writeAt(offset: number, source: AsyncIterable<Buffer>, observe?: (chunk: Buffer) => Promise<void> | void): Promise<number> {
    // Batched writes: the next bytes are read (and hashed) while the last batch goes to disk.
    const writer = new SequentialWriter(this.handle, offset);
    try {
      await eachChunk(source, (chunk) => {
        return whenBoth(observe?.(chunk), writer.append(chunk));
      });
      await writer.flush();
    } catch (error) {
      // Bytes that arrived before a broken body are kept, as the server keeps them (upload_info
      // tells); a failed write may have kept fewer, so the file says how long it now is.
      await writer.flush().catch(() => undefined);
      this.length = Math.max(this.length, (await this.handle.stat()).size);
      throw error;
    }
    this.length = Math.max(this.length, writer.end);
    return writer.end - offset;
  }

  async truncate(length: number): Promise<void> {
    await this.handle.truncate(length);
    this.length = length;
  }

  read(range?: ByteRange): Readable {
    return createReadStream(this.path, { highWaterMark: READ_CHUNK, ...(range ?? {}) });
  }

  digests(extra: ExtraDigest | undefined): Promise<ContentDigests> {
    return digestFile(this.path, extra);
  }

  async commit(extra: ExtraDigest | undefined, known?: ContentDigests): Promise<StoredBlob> {
    await this.handle.close();
    const target = this.store.pathOf(this.id);
    await rename(this.path, target);
    return { id: this.id, ...(known ?? (await digestFile(target, extra))) };
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }

  async release(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}
