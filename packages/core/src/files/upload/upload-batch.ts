/**
 * Several small local files into one folder with one multipart `uploadfile` request each group
 * (pcloud-api.md §4.1: one part per file, the answer's `fileids`/`metadata`/`checksums` one entry
 * per file, in order), which saves a round trip per file. `mtime`/`ctime` are parameters of the
 * request, so files with other times go in a request of their own. Each file is checked on its
 * own against its entry of the answer (name, size, sha1 of the bytes sent): a file that fails is
 * deleted and reported as failed, the others stand. A file that replaces one already there goes
 * up under a temporary name, as uploadSingle's verified replace does, and `renamefile` moves it
 * over the old one only once verified, so a bad upload never costs the good file. A request that
 * fails as a whole fails every file in it; sending them again (one by one) can only overwrite or
 * leave a temporary file to sweep, never duplicate.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PCloudClient } from '../../client/create-client.js';
import type { BodyPart } from '../../client/transport.js';
import type { FileMetadata } from '../../client/types.js';
import { PCloudError } from '../../errors.js';
import { remoteNameProblem } from '../../location/remote-path.js';
import { partialFileName } from '../download/partial-file.js';
import { type LocalFile, statLocalFile } from './local-file.js';
import type { UploadResult } from './upload-types.js';

/** One file of a batch: a local path and the name it gets in the folder. */
export interface BatchFile {
  localPath: string;
  name: string;
  /** A file of that name is there: upload beside it and move over it once verified. */
  replace?: boolean;
}

/** What became of one file of a batch. */
export type BatchOutcome = { ok: true; result: UploadResult } | { ok: false; error: unknown };

/** Options of {@link uploadBatch}. */
export interface BatchOptions {
  signal?: AbortSignal;
  /** Called once a file is verified on pCloud, with its index in `files`. */
  onFile?: (index: number, result: UploadResult) => void;
}

/**
 * Uploads new files into the folder at `folderPath`, keeping their times; resolves to one outcome
 * per file, in order (never rejects for a file's failure). Each file is read whole, so callers
 * keep batches small.
 */
export async function uploadBatch(
  client: PCloudClient,
  folderPath: string,
  files: readonly BatchFile[],
  options: BatchOptions = {},
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array(files.length);
  const groups = new Map<string, Array<{ index: number; file: LocalFile; name: string; replace: boolean }>>();
  await Promise.all(
    files.map(async (batchFile, index) => {
      const problem = remoteNameProblem(batchFile.name);
      if (problem !== undefined) {
        outcomes[index] = { ok: false, error: new PCloudError('INVALID_NAME', `Cannot upload: pCloud refuses ${problem}.`) };
        return;
      }
      try {
        const file = await statLocalFile(batchFile.localPath);
        const key = `${file.mtime}/${file.ctime ?? ''}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)?.push({ index, file, name: batchFile.name, replace: batchFile.replace === true });
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    }),
  );
  await Promise.all(
    [...groups.values()].map(async (group) => {
      // The stats above finish in any order; the parts go in the order the files were given.
      group.sort((a, b) => a.index - b.index);
      const results = await sendGroup(client, folderPath, group, options.signal);
      group.forEach(({ index }, at) => {
        const outcome = results[at] as BatchOutcome;
        outcomes[index] = outcome;
        if (outcome.ok) options.onFile?.(index, outcome.result);
      });
    }),
  );
  return outcomes;
}

/** One request for files that share their times; one outcome per file of the group. */
async function sendGroup(
  client: PCloudClient,
  folderPath: string,
  group: ReadonlyArray<{ file: LocalFile; name: string; replace: boolean }>,
  signal: AbortSignal | undefined,
): Promise<BatchOutcome[]> {
  // The name each part is sent under: its own, or a temporary one beside the file it replaces.
  const sentNames = group.map(({ name, replace }) => (replace ? partialFileName(name) : name));
  // The bytes and sha1 of the attempt whose answer counts: every attempt reads the files again.
  let sent: Array<{ sha1: string; size: number }> = [];
  const body = async (): Promise<{ kind: 'parts'; parts: BodyPart[] }> => {
    const contents = await Promise.all(group.map(({ file }) => readLocal(file.path)));
    sent = contents.map((bytes) => ({ sha1: createHash('sha1').update(bytes).digest('hex'), size: bytes.length }));
    return {
      kind: 'parts',
      parts: contents.map((bytes, at) => ({ name: sentNames[at] ?? '', size: bytes.length, stream: once(bytes) })),
    };
  };
  const first = group[0]?.file;
  let answer: { metadata: FileMetadata[]; checksums?: Array<{ sha1?: string }> };
  try {
    answer = await client.call(
      'uploadfile',
      {
        path: folderPath,
        nopartial: true,
        ...(first ? { mtime: first.mtime, ...(first.ctime !== undefined ? { ctime: first.ctime } : {}) } : {}),
      },
      { body, ...(signal ? { signal } : {}) },
    );
  } catch (error) {
    return group.map(() => ({ ok: false, error }));
  }
  const checked = group.map(({ file }, at) => check(answer, at, file, sentNames[at] ?? '', sent[at], folderPath));
  // Bytes that failed their check must not stay under the name (best effort: the failure is what matters).
  await Promise.all(
    checked.map(({ discard }) => (discard ? client.call('deletefile', { fileid: discard.fileid }).catch(() => undefined) : undefined)),
  );
  // Verified replacements move over the files they replace, all at once.
  return Promise.all(
    checked.map(({ outcome }, at) => {
      const member = group[at];
      return outcome.ok && member?.replace ? moveOver(client, outcome.result, folderPath, member.name, signal) : outcome;
    }),
  );
}

/** Renames a verified upload over the file it replaces; on failure deletes it (best effort) and says why. */
async function moveOver(
  client: PCloudClient,
  result: UploadResult,
  folderPath: string,
  name: string,
  signal: AbortSignal | undefined,
): Promise<BatchOutcome> {
  const topath = `${folderPath === '/' ? '' : folderPath}/${name}`;
  try {
    const answer = await client.call('renamefile', { fileid: result.metadata.fileid, topath }, signal ? { signal } : {});
    return { ok: true, result: { ...result, metadata: answer.metadata } };
  } catch (error) {
    await client.call('deletefile', { fileid: result.metadata.fileid }).catch(() => undefined);
    return { ok: false, error };
  }
}

/** Checks one file against its entry of the answer; a file whose bytes differ is to be discarded. */
function check(
  answer: { metadata: FileMetadata[]; checksums?: Array<{ sha1?: string }> },
  at: number,
  file: LocalFile,
  name: string,
  ours: { sha1: string; size: number } | undefined,
  folderPath: string,
): { outcome: BatchOutcome; discard?: FileMetadata } {
  const metadata = answer.metadata[at];
  const theirs = answer.checksums?.[at]?.sha1?.toLowerCase();
  const where = `uploadfile ${folderPath === '/' ? '' : folderPath}/${name}`;
  if (!metadata || metadata.name !== name || !ours) {
    return { outcome: { ok: false, error: new PCloudError('API_ERROR', `${where}: the answer has no entry for this file.`) } };
  }
  if (ours.size !== file.size) {
    const error = new PCloudError('LOCAL_IO_ERROR', `${file.path} changed while it was uploaded.`);
    return { outcome: { ok: false, error }, discard: metadata };
  }
  if (theirs !== ours.sha1 || metadata.size !== ours.size) {
    const error = new PCloudError('CHECKSUM_MISMATCH', `${where}: sha1 mismatch (sent ${ours.sha1}, server has ${theirs ?? 'none'}).`);
    return { outcome: { ok: false, error }, discard: metadata };
  }
  return { outcome: { ok: true, result: { metadata, sha1: ours.sha1, size: ours.size, via: 'uploadfile' } } };
}

/** A whole buffer as a body source. */
async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function readLocal(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new PCloudError('LOCAL_IO_ERROR', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, {
      cause: error,
    });
  }
}
