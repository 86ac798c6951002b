/**
 * Digests of a large content computed on a worker thread, so that hashing (sha1 plus md5 or
 * sha256, the largest CPU cost of an upload) runs beside the socket reads and disk writes instead
 * of after them on the one main thread; the throughput benchmark shows what that is worth.
 * Chunks are copied into a shared ring buffer (cheap next to hashing them) and the worker hashes
 * whatever has arrived; a full ring makes `update` wait.
 *
 * The worker is started per content and only for large ones: starting a thread costs more than
 * hashing a small content.
 */
import { Worker } from 'node:worker_threads';

/** A digest the worker can keep. */
export type DigestKind = 'sha1' | 'md5' | 'sha256';

/** Digests of the bytes fed so far. */
export interface DigestSnapshot {
  size: number;
  digests: Partial<Record<DigestKind, Buffer>>;
}

/** Content at least this large (when its size is known up front) is hashed off the main thread. */
export const OFF_THREAD_MIN_BYTES = 16 * 1024 * 1024;

/** Bytes in flight between the main thread and the worker: room for its start-up and for jitter. */
const RING_BYTES = 8 * 1024 * 1024;
/**
 * The worker is woken once per this many bytes, not per chunk: an awake worker takes new bytes
 * without being told, and each wake-up of a sleeping one is a system call and a context switch.
 * Far below the ring's size, so a full ring always has a woken worker behind it.
 */
const WAKE_BYTES = 1024 * 1024;

// Control words (BigInt64): bytes written into the ring, bytes hashed, snapshots asked for, and
// a count of events (writes, requests) the worker sleeps on, so that no wake-up is ever missed.
const WRITTEN = 0;
const HASHED = 1;
const ASKED = 2;
const EVENTS = 3;

// Plain JavaScript run with `eval`, so that it needs no file beside the bundle or the sources.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { ring, control, kinds } = workerData;
const bytes = new Uint8Array(ring);
const words = new BigInt64Array(control);
const size = BigInt(bytes.length);
const hashes = kinds.map((kind) => createHash(kind));
let hashed = 0n;
let answered = 0n;
for (;;) {
  const seen = Atomics.load(words, ${EVENTS});
  const written = Atomics.load(words, ${WRITTEN});
  if (written !== hashed) {
    let from = Number(hashed % size);
    let left = Number(written - hashed);
    while (left > 0) {
      const n = Math.min(left, bytes.length - from);
      const view = bytes.subarray(from, from + n);
      for (const hash of hashes) hash.update(view);
      left -= n;
      from = 0;
    }
    hashed = written;
    Atomics.store(words, ${HASHED}, hashed);
    Atomics.notify(words, ${HASHED});
    continue;
  }
  const asked = Atomics.load(words, ${ASKED});
  // A snapshot covers every byte written before it was asked for: hash those first.
  if (asked !== answered && Atomics.load(words, ${WRITTEN}) === hashed) {
    answered = asked;
    parentPort.postMessage({ asked, size: Number(hashed), digests: hashes.map((hash) => hash.copy().digest()) });
    continue;
  }
  Atomics.wait(words, ${EVENTS}, seen);
}
`;

interface WorkerAnswer {
  asked: bigint;
  size: number;
  digests: Uint8Array[];
}

/** Incremental digests whose hashing runs on a worker thread. */
export class OffThreadDigests {
  private readonly ring = Buffer.from(new SharedArrayBuffer(RING_BYTES));
  private readonly words = new BigInt64Array(new SharedArrayBuffer(4 * BigInt64Array.BYTES_PER_ELEMENT));
  private readonly worker: Worker;
  private readonly failed: Promise<never>;
  private readonly waiting = new Map<bigint, (answer: WorkerAnswer) => void>();
  private written = 0;
  private wokenAt = 0;
  private asked = 0n;

  constructor(private readonly kinds: readonly DigestKind[]) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ring: this.ring.buffer, control: this.words.buffer, kinds } });
    this.worker.on('message', (answer: WorkerAnswer) => {
      for (const [asked, resolve] of this.waiting) {
        if (asked > answer.asked) continue;
        this.waiting.delete(asked);
        resolve(answer);
      }
    });
    this.failed = new Promise((_, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`digest worker stopped (${code})`)));
    });
    // Abandoned hashing (a broken upload) must not surface as an unhandled rejection.
    this.failed.catch(() => undefined);
    // The upload being hashed keeps the process alive, not the worker.
    this.worker.unref();
  }

  /** Bytes fed so far. */
  get size(): number {
    return this.written;
  }

  /** Feeds the next bytes; the promise, when there is one, resolves once the ring had room for them all. */
  update(chunk: Buffer): Promise<void> | void {
    let offset = 0;
    while (offset < chunk.length) {
      const room = RING_BYTES - (this.written - Number(Atomics.load(this.words, HASHED)));
      if (room === 0) return this.waitForRoom().then(() => this.update(chunk.subarray(offset)));
      offset += this.put(chunk.subarray(offset, offset + room));
    }
  }

  /** The digests of every byte fed so far; feeding may go on afterwards. */
  async snapshot(): Promise<DigestSnapshot> {
    const asked = ++this.asked;
    const answer = new Promise<WorkerAnswer>((resolve) => this.waiting.set(asked, resolve));
    Atomics.store(this.words, ASKED, asked);
    this.signal();
    const { size, digests } = await Promise.race([answer, this.failed]);
    return { size, digests: Object.fromEntries(this.kinds.map((kind, i) => [kind, Buffer.from(digests[i]!)])) };
  }

  /** Stops the worker; nothing more will be fed or asked. */
  close(): void {
    void this.worker.terminate();
  }

  /** Copies bytes that fit into the ring (wrapping at its end) and wakes the worker. */
  private put(bytes: Buffer): number {
    const at = this.written % RING_BYTES;
    const first = Math.min(bytes.length, RING_BYTES - at);
    this.ring.set(first < bytes.length ? bytes.subarray(0, first) : bytes, at);
    if (first < bytes.length) this.ring.set(bytes.subarray(first), 0);
    this.written += bytes.length;
    Atomics.store(this.words, WRITTEN, BigInt(this.written));
    if (this.written - this.wokenAt >= WAKE_BYTES) this.signal();
    return bytes.length;
  }

  private signal(): void {
    this.wokenAt = this.written;
    Atomics.add(this.words, EVENTS, 1n);
    Atomics.notify(this.words, EVENTS);
  }

  private async waitForRoom(): Promise<void> {
    const hashed = Atomics.load(this.words, HASHED);
    if (this.written - Number(hashed) < RING_BYTES) return;
    this.signal();
    // A worker that died never moves HASHED again: its failure ends the wait.
    await Promise.race([Atomics.waitAsync(this.words, HASHED, hashed).value, this.failed]);
  }
}
