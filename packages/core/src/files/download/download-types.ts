/** Options and results shared by the download paths. */
import type { Progress } from '../../client/transport.js';
import type { FileMetadata } from '../../client/types.js';
import type { DownloadScheme } from './download-link.js';

/** Options of {@link downloadFile} and {@link downloadToStream}. */
export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Scheme of the content hosts (default: the API endpoint's). */
  scheme?: DownloadScheme;
  /** Failed attempts in a row without a new byte before giving up (default: the client's retries, at least 2). */
  retries?: number;
}

/** What a download produced. */
export interface DownloadResult {
  metadata: FileMetadata;
  /** The sha1 computed while receiving, equal to the server's. */
  sha1: string;
  size: number;
}
