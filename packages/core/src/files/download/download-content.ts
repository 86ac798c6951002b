/**
 * The bytes of one file from the content hosts into a sink, whatever goes wrong on the way
 * (pcloud-api.md §10): hosts are tried in the server's order; an expired link (401) or a
 * host that has run out of hosts gets a fresh `getfilelink`; a 404/410/5xx or a host that
 * cannot be reached moves on to the next host; a dropped connection resumes with `Range` where it
 * stopped. While pCloud itself is away, the link request waits for it with the run
 * (reachability.ts). The sha1 is computed while the bytes arrive and must equal `expectedSha1`.
 */
import { createHash } from 'node:crypto';
import type { PCloudClient } from '../../client/create-client.js';
import type { FileRef } from '../../client/method-table.js';
import { createRetryBudget, sleep } from '../../client/retry.js';
import type { Progress } from '../../client/transport.js';
import { isTransientError } from '../../client/transport-errors.js';
import { unreachableReason } from '../../client/unreachable-reason.js';
import { PCloudError, TransportError } from '../../errors.js';
import { checksumFile } from '../checksum-file.js';
import { verifySha1 } from '../upload/verify-sha1.js';
import { endpointScheme, getDownloadLink, type DownloadLink, type DownloadScheme } from './download-link.js';
import type { DownloadOptions, DownloadResult } from './download-types.js';
import { bodyError, fetchRange } from './fetch-range.js';
import { youngGarbageCollector } from './young-garbage.js';

/** Where downloaded bytes go, in order. */
export type ContentSink = (chunk: Buffer) => Promise<void>;

/** What is being downloaded and how. */
export interface ContentRequest {
  fileid: number;
  size: number;
  expectedSha1: string;
  scheme: DownloadScheme;
  /** Failed attempts in a row without a new byte before giving up (default: the client's retries, at least 2). */
  retries?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** For messages: the remote file. */
  label: string;
  /** A link already asked for, used before any new one. */
  link?: DownloadLink;
}

/**
 * Downloads a file's bytes into `sink`: its expected sha1, size and id come from one
 * `checksumfile` call, the bytes from the content hosts. The first link is asked for at the same
 * time, which saves a round trip per file; if that request fails, checksumfile's answer (or
 * error) decides as before, and a link is asked for again by id.
 */
export async function downloadVerified(
  client: PCloudClient,
  ref: FileRef,
  options: DownloadOptions,
  sink: ContentSink,
): Promise<DownloadResult> {
  const signal = options.signal ? { signal: options.signal } : {};
  const scheme = options.scheme ?? endpointScheme(client);
  const early = getDownloadLink(client, ref, scheme, signal).catch(() => undefined);
  let checksums: Awaited<ReturnType<typeof checksumFile>>;
  try {
    checksums = await checksumFile(client, ref, signal);
  } catch (error) {
    await early;
    throw error;
  }
  const { sha1: expectedSha1, metadata } = checksums;
  const link = await early;
  const sha1 = await downloadContent(
    client,
    {
      fileid: metadata.fileid,
      size: metadata.size,
      expectedSha1,
      scheme,
      ...(link ? { link } : {}),
      label: metadata.path ?? ('path' in ref && ref.path !== undefined ? ref.path : metadata.name),
      ...signal,
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    sink,
  );
  return { metadata, sha1, size: metadata.size };
}

/** Downloads a file's bytes into `sink` and returns their sha1 after checking it. */
export async function downloadContent(client: PCloudClient, request: ContentRequest, sink: ContentSink): Promise<string> {
  const { size, signal } = request;
  // Hashed here, on the main thread (about 0.5 s per GiB). On a worker thread beside a shared ring
  // the partial file was written from (05b8a90), a 1 GiB `pcutil cp` ran 2.41 → 2.03 s (medians of
  // 3 interleaved, load ~2), but even with young-garbage.ts, a 1 MiB ring and small resource limits
  // it peaked at 107–111 MB instead of 93–95: the thread costs more than the goal's 100 MB allow.
  const hash = createHash('sha1');
  // A link refresh and a host switch are normal events, so even `retry: false` allows two. Bytes
  // received start the budget again: it bounds failures in a row, and the time spent on them.
  const budget = createRetryBudget(client.retry, request.retries ?? Math.max(client.retry.retries, 2));
  let written = 0;
  const received = youngGarbageCollector();
  let link: DownloadLink | undefined = request.link;
  let host = 0;
  /** Grants the retry after `error` (a -v line, like the client's own; the label is a path, never a secret) or throws it. */
  const retryAfter = (error: PCloudError): number => {
    const delay = budget.take();
    if (delay === undefined) throw error;
    client.settings.log(`download retry ${budget.retries}/${budget.limit} from byte ${written}: ${error.message}`, 'retry');
    return delay;
  };

  while (written < size) {
    if (signal?.aborted) throw new PCloudError('ABORTED', `download ${request.label}: aborted.`);
    if (!link || host >= link.urls.length) {
      link = await getDownloadLink(client, request.fileid, request.scheme, signal ? { signal } : {});
      host = 0;
    }
    const url = link.urls[host];
    if (url === undefined) throw new TransportError(`download ${request.label}: getfilelink named no content host.`);
    try {
      const response = await fetchRange(client, url, written, signal);
      client.reachability.reached();
      const { status } = response;
      if (status !== 200 && status !== 206) {
        response.body.destroy();
        const refused = new TransportError(`download ${request.label}: the content host answered HTTP ${status}.`, { status });
        // An expired link needs a new one; a failing host is skipped for the next one.
        if (status === 401) link = undefined;
        else if (status === 404 || status === 410 || status >= 500) host++;
        else throw refused;
        const delay = retryAfter(refused);
        if (status >= 500) await sleep(delay, signal, 'download');
        continue;
      }
      if (status === 206 && response.start !== written) {
        response.body.destroy();
        throw new TransportError(`download ${request.label}: asked for byte ${written}, got ${response.start}.`, { status });
      }
      // A host that ignores Range answers 200 from byte 0: skip what we already have.
      let skip = status === 200 ? written : 0;
      try {
        for await (const piece of response.body as AsyncIterable<Buffer>) {
          const chunk = skip >= piece.length ? undefined : skip > 0 ? piece.subarray(skip) : piece;
          skip = Math.max(0, skip - piece.length);
          if (!chunk) continue;
          if (written + chunk.length > size)
            throw new PCloudError('CHECKSUM_MISMATCH', `download ${request.label}: more than the expected ${size} bytes.`);
          hash.update(chunk);
          await sink(chunk);
          written += chunk.length;
          received(chunk.length);
          budget.progressed();
          request.onProgress?.({ transferred: written, total: size });
        }
      } catch (error) {
        response.body.destroy();
        throw error instanceof PCloudError ? error : bodyError(error, signal);
      }
      if (written < size)
        retryAfter(new TransportError(`download ${request.label}: the connection ended after ${written} of ${size} bytes.`));
    } catch (error) {
      const unreachable = unreachableReason(error) !== undefined;
      if (!unreachable && !isTransientError(error)) throw error;
      // Another host, or a fresh link, whose request waits for pCloud while it is away.
      if (unreachable) host++;
      await sleep(retryAfter(error as PCloudError), signal, 'download');
    }
  }
  const sha1 = hash.digest('hex');
  verifySha1(sha1, request.expectedSha1, `download ${request.label}`);
  return sha1;
}
