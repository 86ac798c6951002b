/**
 * `uploadfile` (pcloud-api.md §4.1): any number of files (multipart parts, or one PUT/POST
 * body named by `filename`), each streamed into the content store while hashed. Answers one
 * `fileids`, `metadata` and `checksums` entry per file; overwriting keeps the fileid. With a
 * `progresshash`, `uploadprogress` can watch it (§4.3).
 */
import { ApiFailure } from '../api/api-failure.js';
import type { IncomingFile, MethodContext, MethodSpec } from '../api/types.js';
import type { StoredBlob } from '../state/blob-store.js';
import { fileMetadata } from '../render/metadata-object.js';
import { isValidName } from '../state/names.js';
import { putFile } from '../state/put-file.js';
import type { FolderNode } from '../state/tree-nodes.js';
import type { UploadProgress } from '../state/upload-progress.js';
import { flagParam, intParam } from '../params/typed-values.js';
import { callerOf } from '../params/caller.js';
import { timesOf, viewOf } from '../params/tree-items.js';

/** Streams one incoming file into the content store; a broken upload keeps nothing (2041). */
async function storeIncoming(ctx: MethodContext, file: IncomingFile, progress?: UploadProgress): Promise<StoredBlob> {
  try {
    const source = progress ? counted(file.stream, progress) : file.stream;
    return await ctx.state.files.blobs.write(source, ctx.state.extraDigest(callerOf(ctx)), file.length);
  } catch {
    throw new ApiFailure(2041);
  }
}

/** The file's bytes, counted into the upload's progress as they pass. */
async function* counted(stream: AsyncIterable<Buffer>, progress: UploadProgress): AsyncIterable<Buffer> {
  for await (const chunk of stream) {
    progress.currentfileuploaded += chunk.length;
    progress.uploaded += chunk.length;
    yield chunk;
  }
}

function targetFolder(ctx: MethodContext): FolderNode {
  const view = viewOf(ctx);
  const folderid = intParam(ctx.params, 'folderid');
  if (folderid !== undefined) return view.folderById(folderid);
  const path = ctx.params.get('path');
  // Without folderid or path the root folder is used (§4.1).
  return path !== undefined ? view.folderByPath(path) : view.folderById(0);
}

/** `uploadfile`. */
export const uploadfile: MethodSpec = {
  name: 'uploadfile',
  auth: 'required',
  async handler(ctx) {
    const view = viewOf(ctx);
    const folder = targetFolder(ctx);
    const extra = ctx.state.extraDigest(callerOf(ctx));
    const options = { ...timesOf(ctx), renameIfExists: flagParam(ctx.params, 'renameifexists') };
    const fileids: number[] = [];
    const metadata: Record<string, unknown>[] = [];
    const checksums: Record<string, string | undefined>[] = [];
    const hash = ctx.params.get('progresshash');
    const progress = hash ? ctx.state.uploadProgress.start(callerOf(ctx).account.userid, hash, ctx.bodyLength ?? 0) : undefined;
    try {
      for await (const incoming of ctx.files) {
        const name = incoming.filename ?? ctx.params.get('filename') ?? '';
        if (!isValidName(name)) {
          incoming.stream.resume();
          throw new ApiFailure(2001);
        }
        if (progress) Object.assign(progress, { currentfile: name, currentfileuploaded: 0, filenumber: progress.filenumber + 1 });
        const blob = await storeIncoming(ctx, incoming, progress);
        if (folder.deleted) {
          ctx.state.files.blobs.remove(blob.id);
          throw new ApiFailure(2005);
        }
        const file = putFile(view.tree, folder, name, blob, { now: ctx.state.now(), ...options });
        fileids.push(file.id);
        metadata.push(fileMetadata(view, file));
        checksums.push({ sha1: blob.sha1, [extra]: blob[extra] });
        progress?.files.push(fileMetadata(view, file));
      }
    } finally {
      if (progress) ctx.state.uploadProgress.finish(progress);
    }
    return { body: { fileids, metadata, checksums } };
  },
};
