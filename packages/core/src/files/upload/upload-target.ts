/** Turning an upload target into the folder and name pCloud's upload methods take. */
import type { FolderRef } from '../../client/method-table.js';
import { PCloudError } from '../../errors.js';
import { normalizeRemotePath, remoteBasename, remoteDirname, remoteNameProblem } from '../../location/remote-path.js';
import type { UploadTarget } from './upload-types.js';

/** The destination folder and the file's name; names pCloud would refuse are rejected here. */
export interface ResolvedTarget {
  /** The folder as `uploadfile` takes it (with the name in `filename`). */
  folder: FolderRef;
  name: string;
  /** The file as `upload_save` takes it: `folderid` + `name`, or the file's full `path`. */
  file: { folderid: number; name: string } | { path: string };
  /** For messages: the remote path, or `folder <id>/<name>`. */
  label: string;
}

/** Splits a target into folder and name; throws INVALID_NAME for a name pCloud refuses. */
export function resolveUploadTarget(target: UploadTarget): ResolvedTarget {
  if ('path' in target) {
    const { path, trailingSlash } = normalizeRemotePath(target.path);
    const name = remoteBasename(path);
    if (name === '' || trailingSlash)
      throw new PCloudError('INVALID_NAME', `Cannot upload to ${target.path}: the target needs a file name.`);
    return { folder: { path: remoteDirname(path) }, name, file: { path }, label: path };
  }
  const problem = remoteNameProblem(target.name);
  if (problem !== undefined) throw new PCloudError('INVALID_NAME', `Cannot upload: pCloud refuses ${problem}.`);
  return {
    folder: { folderid: target.folderid },
    name: target.name,
    file: { folderid: target.folderid, name: target.name },
    label: `folder ${target.folderid}/${target.name}`,
  };
}
