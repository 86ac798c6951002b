import { mkdir } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import {
  copyFile,
  downloadFile,
  downloadToStream,
  PCloudError,
  uploadBatch,
  uploadFile,
  uploadStream,
  type PCloudClient,
  type Progress,
} from '@pcloud/core';
import { baseName, formatLoc, parentLoc } from '../plan/loc.js';
import type { CopyStep, Loc } from '../plan/types.js';
import type { CopyOperations } from './execute-copy.js';

/** What the real copy operations work with. */
export interface CopyOperationsDeps {
  client(): Promise<PCloudClient>;
  stdin: Readable;
  stdout: Writable;
  /** --in-place: overwrite existing remote files in place (keeps their file id), not via a verified replace. */
  inPlace?: boolean;
  /** Told the sha1 of each file uploaded or downloaded, once verified, with the pCloud file it was checked against (sync's digest cache keeps them). */
  onVerified?: VerifiedListener;
}

/** See {@link CopyOperationsDeps.onVerified}. */
export type VerifiedListener = (step: CopyStep, sha1: string, remote: { fileid: number; hash: bigint }) => void;

/** Turns core's cumulative (and, after a retry, rewinding) progress into byte deltas. */
function deltas(onBytes: (bytes: number) => void): (progress: Progress) => void {
  let last = 0;
  return ({ transferred }) => {
    onBytes(transferred - last);
    last = transferred;
  };
}

/**
 * Local files up to this size go up in one streamed `uploadfile` request, larger ones in resumable
 * chunks: one request waits for no answer between chunks, so it moves the bytes faster, and a
 * failed one is re-sent from the file, which costs at most one file's bytes.
 */
export const SINGLE_REQUEST_UPLOAD_LIMIT = 4 * 1024 ** 3;

const fileRef = (loc: Loc, id: number | undefined): { fileid: number } | { path: string } =>
  id === undefined ? { path: loc.path } : { fileid: id };

/**
 * The side effects of a copy plan, all through core: uploads and downloads verify sha1 while
 * streaming, downloads land atomically (temporary file, then rename) with the remote mtime,
 * uploads keep the local mtime, standard input goes through a resumable upload session, and a
 * pCloud-to-pCloud copy is `copyfile` on the server, checked by its content hash.
 */
export function createCopyOperations(deps: CopyOperationsDeps): CopyOperations {
  return {
    async mkdir(at) {
      if (at.side === 'local') await mkdir(at.path, { recursive: true });
      else await (await deps.client()).call('createfolderifnotexists', { path: at.path });
    },
    async transferBatch(steps, onBytes, signal) {
      const client = await deps.client();
      const first = steps[0];
      if (!first) return [];
      // The binary protocol carries one file per request.
      if (client.transport.kind !== 'http')
        return steps.map(() => ({ ok: false, error: new PCloudError('USAGE_ERROR', 'no batches over this transport') }));
      // A file that is there is replaced the verified way (temporary name, then moved over it), unless --in-place.
      const files = steps.map((step) => ({
        localPath: step.from.path,
        name: baseName(step.to),
        replace: step.existing !== undefined && deps.inPlace !== true,
      }));
      const outcomes = await uploadBatch(client, parentLoc(first.to)?.path ?? '/', files, {
        ...(signal ? { signal } : {}),
        onFile: (_index, result) => onBytes(result.size),
      });
      return outcomes.map((outcome, at) => {
        if (!outcome.ok) return outcome;
        deps.onVerified?.(steps[at] as CopyStep, outcome.result.sha1, outcome.result.metadata);
        return { ok: true, bytes: outcome.result.size };
      });
    },
    async transfer(step: CopyStep, onBytes, signal) {
      const client = await deps.client();
      const common = { onProgress: deltas(onBytes), ...(signal ? { signal } : {}) };
      const { from, to, source } = step;
      if (from.side === 'local' && to.side === 'remote') {
        // A file being replaced goes up under a temporary name and replaces it once verified
        // (unless --in-place); a new one goes straight to its name (deleted if it fails verification).
        const verifyBeforeReplace = step.existing !== undefined && deps.inPlace !== true;
        const options = { ...common, resumableThreshold: SINGLE_REQUEST_UPLOAD_LIMIT, verifyBeforeReplace };
        const uploaded = await uploadFile(client, from.path, { path: to.path }, options);
        deps.onVerified?.(step, uploaded.sha1, uploaded.metadata);
        return uploaded.size;
      }
      if (from.side === 'stdio' && to.side === 'remote') return (await uploadStream(client, deps.stdin, { path: to.path }, common)).size;
      if (from.side === 'remote' && to.side === 'local') {
        const downloaded = await downloadFile(client, fileRef(from, source.id), to.path, common);
        deps.onVerified?.(step, downloaded.sha1, downloaded.metadata);
        return downloaded.size;
      }
      if (from.side === 'remote' && to.side === 'stdio')
        return (await downloadToStream(client, fileRef(from, source.id), deps.stdout, common)).size;
      if (from.side === 'remote' && to.side === 'remote') {
        const copy = await copyFile(
          client,
          fileRef(from, source.id),
          { topath: to.path },
          source.mtime === undefined ? {} : { mtime: source.mtime },
        );
        if (source.hash !== undefined && copy.hash !== source.hash) {
          throw new PCloudError('CHECKSUM_MISMATCH', `${formatLoc(to)}: the server-side copy does not match ${formatLoc(from)}`);
        }
        onBytes(copy.size);
        return copy.size;
      }
      throw new PCloudError('USAGE_ERROR', `cannot copy ${formatLoc(from)} to ${formatLoc(to)}`);
    },
  };
}
