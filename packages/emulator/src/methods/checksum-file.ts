/** `checksumfile` (pcloud-api.md §4.8). */
import type { MethodSpec } from '../api/types.js';
import { ContentHasher } from '../state/content-hasher.js';
import { fileMetadata } from '../render/metadata-object.js';
import { callerOf } from '../params/caller.js';
import { fileFromParams, viewOf } from '../params/tree-items.js';

/** `checksumfile`: sha1 plus md5 (US) or sha256 (EU), and the metadata. */
export const checksumfile: MethodSpec = {
  name: 'checksumfile',
  auth: 'required',
  async handler(ctx) {
    const view = viewOf(ctx);
    const file = fileFromParams(ctx, view);
    const extra = ctx.state.extraDigest(callerOf(ctx));
    if (file[extra] === undefined) {
      // Content stored by an emulator of the other region: compute the missing digest once.
      const hasher = new ContentHasher(extra);
      for await (const chunk of ctx.state.files.blobs.read(file.blob)) hasher.update(chunk as Buffer);
      file[extra] = hasher.digest()[extra];
      ctx.state.files.onChange();
    }
    return { body: { sha1: file.sha1, [extra]: file[extra], metadata: fileMetadata(view, file) } };
  },
};
