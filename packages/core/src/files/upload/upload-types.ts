/** Options and results shared by the upload paths. */
import type { Progress } from '../../client/transport.js';
import type { FileMetadata } from '../../client/types.js';

/** Where an upload goes: a folder id and a name, or the full remote path of the file. */
export type UploadTarget = { folderid: number; name: string } | { path: string };

/** Options of {@link uploadFile} and {@link uploadStream}. */
export interface UploadOptions {
  signal?: AbortSignal;
  /** Content bytes sent so far; `transferred` may go back when a failed request is sent again. */
  onProgress?: (progress: Progress) => void;
  /** Files larger than this many bytes go through `upload_create`/`upload_write`/`upload_save` (default 64 MiB). */
  resumableThreshold?: number;
  /** Bytes per `upload_write` (default 32 MiB for a file, 8 MiB for a stream, whose chunk is held in memory so it can be sent again). */
  chunkSize?: number;
  /** Modification time to keep, Unix seconds (default: the local file's). */
  mtime?: number;
  /** Creation time to keep, Unix seconds (default: the local file's birth time when known). */
  ctime?: number;
  /** On a name clash keep both files (`name (2).ext`) instead of overwriting. */
  renameIfExists?: boolean;
  /**
   * A file already at the target is replaced only by verified bytes: a one-request upload goes to
   * a temporary name beside it and is moved over it once its sha1 matches (one `renamefile`
   * more). Default true; pass false when the target is known not to exist. Resumable uploads
   * are always verified before they are saved.
   */
  verifyBeforeReplace?: boolean;
  /** Retries of one failed `upload_write` chunk (default: the client's retry policy). */
  chunkRetries?: number;
}

/** What an upload produced. */
export interface UploadResult {
  metadata: FileMetadata;
  /** The sha1 computed while sending, equal to the server's. */
  sha1: string;
  size: number;
  /** `uploadfile` (one request) or `upload_save` (resumable chunks). */
  via: 'uploadfile' | 'upload_save';
}

/** 64 MiB: above this a file goes through the resumable upload. */
export const DEFAULT_RESUMABLE_THRESHOLD = 64 * 1024 * 1024;

/** 8 MiB per `upload_write` of a stream: each chunk is held in memory until the server has it. */
export const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

/**
 * 32 MiB per `upload_write` of a local file, re-read from disk on a retry so it costs no memory.
 * Each write waits for its answer before the next starts, so fewer, larger writes leave less of
 * the upload's time to those waits.
 */
export const DEFAULT_FILE_CHUNK_SIZE = 32 * 1024 * 1024;
