/**
 * A big download's bytes on their way into its partial file: each chunk is copied once into a
 * shared ring, written to the file from there in batches, and hashed (sha1) from there on a worker
 * thread. Hashing is the largest CPU cost of a download on the one main thread (about 0.5 s per
 * GiB), which also decrypts TLS and parses HTTP; beside it on a worker it costs the download no
 * time on a machine with a core to spare. The socket's buffers die as soon as they are copied, so
 * memory stays at the ring's size whatever the file's.
 *
 * A region of the ring is reused only once it is both on disk and hashed, so the sha1 covers
 * exactly the bytes written, in order.
 */
import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { writeAll } from '../sequential-writer.js';

/** Downloads at least this large are hashed off the main thread: starting a thread costs more than hashing a small file. */
export const OFF_THREAD_MIN_BYTES = 16 * 1024 * 1024;

/** Bytes between the socket and both the disk and the hash: room for the worker's start-up and for jitter. */
const RING_BYTES = 4 * 1024 * 1024;
/** A write starts once this much is gathered; larger writes save little and free the ring later. */
const WRITE_MIN = 256 * 1024;
const WRITE_MAX = 1024 * 1024;
/** The worker is woken once per this many bytes: an awake worker takes new bytes unasked. */
const WAKE_BYTES = 512 * 1024;

// Control words (BigInt64): bytes copied into the ring, bytes hashed, whether the digest is asked
// for, and a count of events the worker sleeps on, so that no wake-up is missed.
const COPIED = 0;
const HASHED = 1;
const ASKED = 2;
const EVENTS = 3;

// Plain JavaScript run with `eval`, so that it needs no file beside the bundle or the sources.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const bytes = new Uint8Array(workerData.ring);
const words = new BigInt64Array(workerData.control);
const size = BigInt(bytes.length);
const hash = createHash('sha1');
let hashed = 0n;
for (;;) {
  const seen = Atomics.load(words, ${EVENTS});
  const copied = Atomics.load(words, ${COPIED});
  if (copied !== hashed) {
    let from = Number(hashed % size);
    let left = Number(copied - hashed);
    while (left > 0) {
      const n = Math.min(left, bytes.length - from);
      hash.update(bytes.subarray(from, from + n));
      left -= n;
      from = 0;
    }
    hashed = copied;
    Atomics.store(words, ${HASHED}, hashed);
    Atomics.notify(words, ${HASHED});
    continue;
  }
  if (Atomics.load(words, ${ASKED}) !== 0n) {
    parentPort.postMessage(hash.digest('hex'));
    break;
  }
  Atomics.wait(words, ${EVENTS}, seen);
}
`;

/** Writes a file from byte 0 on and hashes what it writes, off the main thread. */
export class HashingFileWriter {
  readonly #handle: FileHandle;
  readonly #ring = Buffer.from(new SharedArrayBuffer(RING_BYTES));
  readonly #words = new BigInt64Array(new SharedArrayBuffer(4 * BigInt64Array.BYTES_PER_ELEMENT));
  readonly #worker: Worker;
  readonly #digest: Promise<string>;
  #copied = 0;
  #flushed = 0;
  #wokenAt = 0;
  #writing: Promise<void> | undefined;
  #failure: unknown;

  constructor(handle: FileHandle) {
    this.#handle = handle;
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ring: this.#ring.buffer, control: this.#words.buffer } });
    // The download keeps the process alive, not the worker.
    this.#worker.unref();
    this.#digest = new Promise((resolve, reject) => {
      this.#worker.once('message', resolve);
      this.#worker.once('error', reject);
      this.#worker.once('exit', (code) => reject(new Error(`the hashing thread stopped (exit ${code})`)));
    });
    // An abandoned download never asks for the digest: its end is no unhandled rejection.
    this.#digest.catch(() => undefined);
  }

  /** Takes the next bytes; the promise, when there is one, resolves once the ring had room for them all. */
  append(chunk: Buffer): Promise<void> | undefined {
    this.#throwIfFailed();
    let offset = 0;
    while (offset < chunk.length) {
      const room = RING_BYTES - (this.#copied - Math.min(this.#flushed, this.#hashed()));
      if (room === 0) return this.#waitForRoom().then(() => this.append(chunk.subarray(offset)));
      const end = Math.min(chunk.length, offset + room);
      this.#put(chunk.subarray(offset, end));
      offset = end;
      if (this.#copied - this.#flushed >= WRITE_MIN) this.#startWrite();
    }
    return undefined;
  }

  /** The sha1 (hex) of every byte taken; nothing may be appended afterwards. */
  async sha1(): Promise<string> {
    Atomics.store(this.#words, ASKED, 1n);
    this.#signal();
    try {
      return await this.#digest;
    } finally {
      void this.#worker.terminate();
    }
  }

  /** Writes what is left and waits for every write; rejects with the first write error. */
  async flush(): Promise<void> {
    while (this.#writing || this.#flushed < this.#copied) {
      if (!this.#writing) this.#startWrite();
      await this.#writing;
      this.#throwIfFailed();
    }
    this.#throwIfFailed();
  }

  /** Stops hashing and waits for the write in flight to end; never rejects. */
  async abandon(): Promise<void> {
    await this.#worker.terminate().catch(() => undefined);
    await this.#writing;
  }

  #hashed(): number {
    return Number(Atomics.load(this.#words, HASHED));
  }

  /** Copies bytes that fit into the ring (wrapping at its end) and wakes the worker now and then. */
  #put(bytes: Buffer): void {
    const at = this.#copied % RING_BYTES;
    const first = Math.min(bytes.length, RING_BYTES - at);
    this.#ring.set(first < bytes.length ? bytes.subarray(0, first) : bytes, at);
    if (first < bytes.length) this.#ring.set(bytes.subarray(first), 0);
    this.#copied += bytes.length;
    Atomics.store(this.#words, COPIED, BigInt(this.#copied));
    if (this.#copied - this.#wokenAt >= WAKE_BYTES) this.#signal();
  }

  #signal(): void {
    this.#wokenAt = this.#copied;
    Atomics.add(this.#words, EVENTS, 1n);
    Atomics.notify(this.#words, EVENTS);
  }

  /** Starts writing the bytes copied but not yet on disk (at most WRITE_MAX), unless a write is running. */
  #startWrite(): void {
    if (this.#writing || this.#failure !== undefined) return;
    const from = this.#flushed;
    const to = Math.min(this.#copied, from + WRITE_MAX);
    if (to === from) return;
    const start = from % RING_BYTES;
    const first = Math.min(to - from, RING_BYTES - start);
    const pieces = [this.#ring.subarray(start, start + first)];
    if (first < to - from) pieces.push(this.#ring.subarray(0, to - from - first));
    this.#writing = writeAll(this.#handle, pieces, from).then(
      () => {
        this.#flushed = to;
        this.#writing = undefined;
        if (this.#copied - this.#flushed >= WRITE_MIN) this.#startWrite();
      },
      (error: unknown) => {
        // Kept, not thrown here: the next append or flush reports it.
        this.#failure ??= error;
        this.#writing = undefined;
      },
    );
  }

  /** Waits until the ring has room: for the disk or for the hash, whichever is behind. */
  async #waitForRoom(): Promise<void> {
    const hashed = this.#hashed();
    if (this.#flushed <= hashed) {
      this.#startWrite();
      await this.#writing;
      this.#throwIfFailed();
      return;
    }
    this.#signal();
    // A worker that died never moves HASHED again: its failure ends the wait.
    await Promise.race([Atomics.waitAsync(this.#words, HASHED, BigInt(hashed)).value, this.#digest]);
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }
}
