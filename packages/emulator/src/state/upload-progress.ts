/**
 * Progress of `uploadfile` requests that carried a `progresshash` (pcloud-api.md §4.3), for
 * `uploadprogress`. Entries are per account; a finished upload stays visible for a while so that
 * a last poll sees `finished: true`. Each account keeps a bounded number of entries.
 */

/** One observed upload. */
export interface UploadProgress {
  /** Bytes the request carries (its Content-Length, or the data length), when announced. */
  total: number;
  /** Bytes of file content received so far (all of `total` once finished). */
  uploaded: number;
  currentfile: string;
  currentfileuploaded: number;
  /** 1-based number of the file being received. */
  filenumber: number;
  /** Metadata of the files completed so far, without the current one. */
  files: Record<string, unknown>[];
  finished: boolean;
  /** Unix seconds when it finished (entries are dropped some time after). */
  finishedAt?: number;
}

/** How long a finished upload can still be polled. */
const KEEP_FINISHED_SECONDS = 600;
/** Progress entries one account may have at once; the oldest goes first. */
const MAX_PER_ACCOUNT = 256;

/** The progress table. */
export class UploadProgressTable {
  private readonly entries = new Map<string, UploadProgress>();

  constructor(private readonly clock: () => number) {}

  /** Starts observing an upload (replacing an older one under the same hash). */
  start(userid: number, progresshash: string, total: number): UploadProgress {
    this.prune(userid);
    const progress: UploadProgress = {
      total,
      uploaded: 0,
      currentfile: '',
      currentfileuploaded: 0,
      filenumber: 0,
      files: [],
      finished: false,
    };
    const key = keyOf(userid, progresshash);
    this.entries.delete(key);
    this.entries.set(key, progress);
    return progress;
  }

  /** The upload under this hash, if it is known and not stale. */
  find(userid: number, progresshash: string): UploadProgress | undefined {
    this.prune(userid);
    return this.entries.get(keyOf(userid, progresshash));
  }

  /** Marks an upload done (whether it succeeded or failed). */
  finish(progress: UploadProgress): void {
    progress.finished = true;
    progress.uploaded = Math.max(progress.uploaded, progress.total);
    progress.finishedAt = this.clock();
  }

  private prune(userid: number): void {
    const now = this.clock();
    const prefix = `${userid}:`;
    const own = [...this.entries].filter(([key]) => key.startsWith(prefix));
    for (const [key, progress] of own)
      if (progress.finishedAt !== undefined && now - progress.finishedAt > KEEP_FINISHED_SECONDS) this.entries.delete(key);
    // Insertion order is age order: drop the oldest beyond the cap.
    const left = own.filter(([key]) => this.entries.has(key));
    for (const [key] of left.slice(0, Math.max(0, left.length - MAX_PER_ACCOUNT + 1))) this.entries.delete(key);
  }
}

function keyOf(userid: number, progresshash: string): string {
  return `${userid}:${progresshash}`;
}
