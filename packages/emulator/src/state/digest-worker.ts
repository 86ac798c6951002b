/**
 * A worker thread that computes the region's second digest (md5 or sha256) of large uploads while
 * the main thread hashes sha1 and moves bytes: on two cores this nearly halves the main thread's
 * work per byte. Bytes go over in 1 MiB batches (copied once, then transferred, not cloned).
 */
import { Worker } from 'node:worker_threads';

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (m) => {
  if (m.kind === 'start') jobs.set(m.id, createHash(m.algorithm));
  else if (m.kind === 'data') {
    jobs.get(m.id)?.update(new Uint8Array(m.buffer, 0, m.length));
    parentPort.postMessage({ id: m.id, ack: true });
  }
  else if (m.kind === 'drop') jobs.delete(m.id);
  else if (m.kind === 'end') {
    const hash = jobs.get(m.id);
    jobs.delete(m.id);
    parentPort.postMessage({ id: m.id, hex: hash ? hash.digest('hex') : '' });
  }
});`;

const BATCH = 1024 * 1024;
/** Batches in flight per digest before the producer waits: bounds memory when the worker lags. */
const MAX_IN_FLIGHT = 4;

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (hex: string) => void; reject: (error: Error) => void }>();
const digests = new Map<number, WorkerDigest>();

function shared(): Worker {
  if (!worker) {
    const started = new Worker(SOURCE, { eval: true });
    // The worker must never keep an emulator's process alive.
    started.unref();
    started.on('message', (m: { id: number; hex?: string; ack?: true }) => {
      if (m.ack) return digests.get(m.id)?.acknowledge();
      waiting.get(m.id)?.resolve(m.hex ?? '');
      waiting.delete(m.id);
      digests.delete(m.id);
    });
    // A dead worker fails the digests it owed (the upload answers an error) and is replaced on next use.
    const fail = (): void => {
      if (worker === started) worker = undefined;
      for (const pending of waiting.values()) pending.reject(new Error('digest worker stopped'));
      waiting.clear();
      for (const digest of digests.values()) digest.acknowledge(Number.POSITIVE_INFINITY);
      digests.clear();
    };
    started.on('error', fail);
    started.on('exit', fail);
    worker = started;
  }
  return worker;
}

/** One digest computed in the worker. */
export class WorkerDigest {
  private readonly id = nextId++;
  private readonly worker = shared();
  private batch = Buffer.allocUnsafeSlow(BATCH);
  private filled = 0;
  private inFlight = 0;
  private resume: (() => void) | undefined;

  constructor(algorithm: 'md5' | 'sha256') {
    digests.set(this.id, this);
    this.worker.postMessage({ kind: 'start', id: this.id, algorithm });
  }

  /** Resolves once the worker has caught up enough to take more bytes. */
  ready(): Promise<void> | undefined {
    if (this.inFlight < MAX_IN_FLIGHT) return undefined;
    return new Promise((resolve) => (this.resume = resolve));
  }

  /** The worker processed `count` batches. */
  acknowledge(count = 1): void {
    this.inFlight = Math.max(0, this.inFlight - count);
    if (this.inFlight < MAX_IN_FLIGHT) {
      const resume = this.resume;
      this.resume = undefined;
      resume?.();
    }
  }

  /** Feeds bytes. */
  update(chunk: Buffer): void {
    for (let at = 0; at < chunk.length; ) {
      const n = chunk.copy(this.batch, this.filled, at);
      this.filled += n;
      at += n;
      if (this.filled === BATCH) this.flush();
    }
  }

  /** Resolves to the hex digest. */
  digest(): Promise<string> {
    this.flush();
    return new Promise((resolve, reject) => {
      waiting.set(this.id, { resolve, reject });
      this.worker.postMessage({ kind: 'end', id: this.id });
    });
  }

  /** Abandons the digest. */
  drop(): void {
    digests.delete(this.id);
    this.worker.postMessage({ kind: 'drop', id: this.id });
  }

  private flush(): void {
    if (this.filled === 0) return;
    const buffer = this.batch.buffer;
    this.worker.postMessage({ kind: 'data', id: this.id, buffer, length: this.filled }, [buffer]);
    this.inFlight++;
    this.batch = Buffer.allocUnsafeSlow(BATCH);
    this.filled = 0;
  }
}
