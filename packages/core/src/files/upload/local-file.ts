/** The local side of an upload: size and times of a file (its bytes: read-file-range.ts). */
import { stat } from 'node:fs/promises';
import { PCloudError } from '../../errors.js';

/** A regular local file about to be uploaded. */
export interface LocalFile {
  path: string;
  size: number;
  /** Modification time, Unix seconds. */
  mtime: number;
  /** Birth time, Unix seconds, when the file system records it. */
  ctime: number | undefined;
}

/** Size and times of a local file; LOCAL_IO_ERROR when it cannot be read or is not a regular file. */
export async function statLocalFile(path: string): Promise<LocalFile> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new PCloudError('LOCAL_IO_ERROR', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, {
      cause: error,
    });
  }
  if (!info.isFile()) throw new PCloudError('LOCAL_IO_ERROR', `Cannot upload ${path}: not a regular file.`);
  return {
    path,
    size: info.size,
    mtime: Math.floor(info.mtimeMs / 1000),
    ctime: info.birthtimeMs > 0 ? Math.floor(info.birthtimeMs / 1000) : undefined,
  };
}
