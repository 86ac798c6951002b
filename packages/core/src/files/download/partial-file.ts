/**
 * The temporary file a download is written to, beside its target: `.<name>.pcloud-partial-<random>`.
 * It becomes the target by one rename once complete and verified, and is removed on any failure,
 * so a partial file is never left where the real one should be.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, utimes, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PCloudError } from '../../errors.js';
import { SequentialWriter } from '../sequential-writer.js';

/** Long names are cut so the temporary name stays within the usual 255-byte limit. */
const MAX_NAME_PART = 120;

const PARTIAL_MARK = '.pcloud-partial-';
/** Random hex digits that end every temporary name. */
const RANDOM_DIGITS = 12;
const PARTIAL_NAME = new RegExp(`^\\..+\\.pcloud-partial-[0-9a-f]{${RANDOM_DIGITS}}$`);

/** The start of every temporary file name of a download to `target` (a random suffix follows). */
export function partialFilePrefix(target: string): string {
  return `.${[...basename(target)].slice(0, MAX_NAME_PART).join('')}${PARTIAL_MARK}`;
}

/** A fresh temporary name for a file named `name` (local downloads, and verified replaces on pCloud). */
export function partialFileName(name: string): string {
  return `${partialFilePrefix(name)}${randomBytes(RANDOM_DIGITS / 2).toString('hex')}`;
}

/** The temporary name for a download target. */
export function partialPath(target: string): string {
  return join(dirname(target), partialFileName(basename(target)));
}

/**
 * Whether a local file name is a download's temporary file. Only a killed process leaves one
 * behind; tools can sweep them from a destination folder before a new run.
 */
export function isPartialFileName(name: string): boolean {
  return PARTIAL_NAME.test(name);
}

/** The prefix (see partialFilePrefix) of a temporary file's name, or undefined for any other name. */
export function partialPrefixOf(name: string): string | undefined {
  return isPartialFileName(name) ? name.slice(0, -RANDOM_DIGITS) : undefined;
}

/** An open temporary file: append bytes, then commit (rename) or discard (remove). */
export interface PartialFile {
  readonly path: string;
  /** Adds the next bytes (written in batches, see sequential-writer.ts). */
  append(chunk: Buffer): Promise<void>;
  /** Writes what is left, closes it, sets its modification time (Unix seconds) when given, and renames it to the target. */
  commit(mtime: number | undefined): Promise<void>;
  /** Closes and removes it; never throws. */
  discard(): Promise<void>;
}

/** Creates the temporary file beside `target` (exclusively: an existing name is never reused). */
export async function createPartialFile(target: string): Promise<PartialFile> {
  const path = partialPath(target);
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    throw new PCloudError(
      'LOCAL_IO_ERROR',
      `Cannot write in ${dirname(target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      { cause: error },
    );
  }
  const file = handle;
  const writer = new SequentialWriter(file);
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await file.close();
    }
  };
  return {
    path,
    append(chunk) {
      return writer.append(chunk).catch(writeError);
    },
    async commit(mtime) {
      await writer.flush().catch(writeError);
      await close();
      if (mtime !== undefined) await utimes(path, new Date(), new Date(mtime * 1000));
      try {
        await rename(path, target);
      } catch (error) {
        throw new PCloudError(
          'LOCAL_IO_ERROR',
          `Cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
          { cause: error },
        );
      }
    },
    async discard() {
      // A write still running must end before its descriptor is closed.
      await writer.abandon();
      await close().catch(() => undefined);
      await rm(path, { force: true }).catch(() => undefined);
    },
  };
}

function writeError(error: unknown): never {
  if (error instanceof PCloudError) throw error;
  throw new PCloudError(
    'LOCAL_IO_ERROR',
    `Cannot write the download: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    { cause: error },
  );
}
