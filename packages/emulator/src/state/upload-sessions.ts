/**
 * Server-side upload sessions of `upload_create` / `upload_write` / `upload_save`
 * (pcloud-api.md §4.2): a scratch blob per session, written at offsets, saved as a file.
 */
import { ApiFailure } from '../api/types.js';
import type { BlobStore, ScratchBlob } from './blob-store.js';
import { RunningDigestScratch } from './running-digests.js';

/** One open session. */
export interface UploadSession {
  uploadid: number;
  userid: number;
  scratch: ScratchBlob;
  /** A write is in progress (a concurrent write answers 2068). */
  writing: boolean;
}

/** Open sessions by id. Sessions live in memory: a restart abandons them. */
export class UploadSessions {
  private readonly sessions = new Map<number, UploadSession>();
  private nextId = 700_000_001;

  constructor(private readonly blobs: BlobStore) {}

  /** Opens a session for an account; `withSha256` for an EU account, whose upload_info reports sha256 too. */
  async create(userid: number, withSha256: boolean): Promise<UploadSession> {
    const scratch = new RunningDigestScratch(await this.blobs.openScratch(), withSha256);
    const session: UploadSession = { uploadid: this.nextId++, userid, scratch, writing: false };
    this.sessions.set(session.uploadid, session);
    return session;
  }

  /** A session of this account: 2067 when there is none. */
  get(userid: number, uploadid: number | undefined): UploadSession {
    const session = uploadid === undefined ? undefined : this.sessions.get(uploadid);
    if (!session || session.userid !== userid) throw new ApiFailure(2067);
    return session;
  }

  /** Forgets a session (after save or delete); the caller decides what happens to its scratch. */
  forget(uploadid: number): void {
    this.sessions.delete(uploadid);
  }

  /** Discards every open session's scratch (on close). */
  async discardAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.scratch.discard()));
    this.sessions.clear();
  }
}
