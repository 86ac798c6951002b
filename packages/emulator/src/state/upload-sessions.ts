/**
 * Server-side upload sessions of `upload_create` / `upload_write` / `upload_save`
 * (pcloud-api.md §4.2): a scratch blob per session, written at offsets, saved as a file.
 *
 * Bounded like the rest of the server: a session unused for a day expires (pCloud documents no
 * lifetime; see SPEC-NOTES.md), and an account keeps at most a hundred, the least recently used
 * giving way to a new one. With a data dir the sessions are persisted (their bytes already are),
 * so an upload resumes after a restart as after a dropped connection.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { BlobStore, ScratchBlob } from './blob-store.js';
import { RunningDigestScratch } from './running-digests.js';

/** One open session. */
export interface UploadSession {
  uploadid: number;
  userid: number;
  scratch: ScratchBlob;
  /** EU accounts report sha256 too. */
  withSha256: boolean;
  /** A write is in progress (a concurrent write answers 2068). */
  writing: boolean;
  /** Unix seconds of the last call that named the session. */
  lastUsed: number;
}

/** What the data dir keeps of a session (its bytes are the scratch file). */
export interface StoredUploadSession {
  uploadid: number;
  userid: number;
  scratchId: string;
  withSha256: boolean;
  lastUsed: number;
}

/** The persisted form of the table. */
export interface UploadSessionsSnapshot {
  nextId: number;
  sessions: StoredUploadSession[];
}

/** Limits of {@link UploadSessions}. */
export interface UploadSessionLimits {
  /** A session not named by any call for this long expires (default one day). */
  idleSeconds?: number;
  /** Open sessions per account (default 100); a new one pushes out the least recently used. */
  perAccount?: number;
}

/** Last-use times are saved when they moved at least this much (not on every write). */
const SAVE_USE_EVERY_SECONDS = 60;

/** Open sessions by id. */
export class UploadSessions {
  private readonly sessions = new Map<number, UploadSession>();
  private readonly savedUse = new Map<number, number>();
  private nextId = 700_000_001;
  private readonly idleSeconds: number;
  private readonly perAccount: number;
  /** Called when something worth persisting changed. */
  onChange: (() => void) | undefined;

  constructor(
    private readonly blobs: BlobStore,
    private readonly clock: () => number,
    limits: UploadSessionLimits = {},
  ) {
    this.idleSeconds = limits.idleSeconds ?? 86_400;
    this.perAccount = limits.perAccount ?? 100;
  }

  /** Opens a session for an account; `withSha256` for an EU account, whose upload_info reports sha256 too. */
  async create(userid: number, withSha256: boolean): Promise<UploadSession> {
    await this.expireIdle();
    const own = [...this.sessions.values()].filter((s) => s.userid === userid && !s.writing).sort((a, b) => a.lastUsed - b.lastUsed);
    for (const old of own.slice(0, Math.max(0, own.length - this.perAccount + 1))) await this.end(old);
    const scratch = new RunningDigestScratch(await this.blobs.openSessionScratch(), withSha256);
    const session: UploadSession = { uploadid: this.nextId++, userid, scratch, withSha256, writing: false, lastUsed: this.clock() };
    this.add(session);
    return session;
  }

  /** A live session of this account, now marked used: 2067 when there is none (or it expired). */
  async get(userid: number, uploadid: number | undefined): Promise<UploadSession> {
    const session = uploadid === undefined ? undefined : this.sessions.get(uploadid);
    if (!session || session.userid !== userid) throw new ApiFailure(2067);
    const now = this.clock();
    if (this.expired(session, now)) {
      await this.end(session);
      throw new ApiFailure(2067);
    }
    session.lastUsed = now;
    if (now - (this.savedUse.get(session.uploadid) ?? 0) >= SAVE_USE_EVERY_SECONDS) this.changed(session);
    return session;
  }

  /** Forgets a session (after save or delete); the caller decides what happens to its scratch. */
  forget(uploadid: number): void {
    this.sessions.delete(uploadid);
    this.savedUse.delete(uploadid);
    this.onChange?.();
  }

  /** Number of open sessions of an account. */
  count(userid: number): number {
    return [...this.sessions.values()].filter((s) => s.userid === userid).length;
  }

  /** Ends every session: discards their scratches, or (`release`, a data dir) closes them to reopen after a restart. */
  async closeAll(how: 'discard' | 'release'): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => (how === 'discard' ? s.scratch.discard() : s.scratch.release())));
  }

  snapshot(): UploadSessionsSnapshot {
    const sessions = [...this.sessions.values()].map(({ uploadid, userid, scratch, withSha256, lastUsed }) => ({
      uploadid,
      userid,
      scratchId: scratch.id,
      withSha256,
      lastUsed,
    }));
    return { nextId: this.nextId, sessions };
  }

  /** Reopens the sessions of an earlier run that have not expired; their other scratches go. */
  async restore(snapshot: UploadSessionsSnapshot): Promise<void> {
    this.nextId = Math.max(this.nextId, snapshot.nextId);
    const now = this.clock();
    for (const stored of snapshot.sessions) {
      if (now - stored.lastUsed >= this.idleSeconds) continue;
      const opened = await this.blobs.openSessionScratch(stored.scratchId).catch(() => undefined);
      if (!opened) continue; // its file is gone: the session cannot resume
      const scratch = new RunningDigestScratch(opened, stored.withSha256);
      this.add({
        uploadid: stored.uploadid,
        userid: stored.userid,
        withSha256: stored.withSha256,
        scratch,
        writing: false,
        lastUsed: stored.lastUsed,
      });
    }
    await this.blobs.sweepSessionScratches(new Set([...this.sessions.values()].map((s) => s.scratch.id)));
  }

  private add(session: UploadSession): void {
    this.sessions.set(session.uploadid, session);
    this.changed(session);
  }

  private changed(session: UploadSession): void {
    this.savedUse.set(session.uploadid, session.lastUsed);
    this.onChange?.();
  }

  private expired(session: UploadSession, now: number): boolean {
    return !session.writing && now - session.lastUsed >= this.idleSeconds;
  }

  private async expireIdle(): Promise<void> {
    const now = this.clock();
    for (const session of [...this.sessions.values()]) if (this.expired(session, now)) await this.end(session);
  }

  private async end(session: UploadSession): Promise<void> {
    this.forget(session.uploadid);
    await session.scratch.discard();
  }
}
