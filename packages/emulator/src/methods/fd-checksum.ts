/**
 * `file_checksum` (pcloud-api.md §4.10): the sha1, and md5 (US) or sha256 (EU) as checksumfile
 * reports, of `count` bytes from `offset` of an open file, and how many bytes that was (fewer at
 * the end of the file). rclone's resumable writer compares the sha1 with a chunk before sending it.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import { ContentHasher } from '../state/content-hasher.js';
import { eachChunk } from '../state/each-chunk.js';
import { offsetOf, openOf, readRange, sizeOf } from './fd-io.js';
import { intParam } from '../params/typed-values.js';
import { callerOf } from '../params/caller.js';

/** `file_checksum`. */
export const fileChecksum: MethodSpec = {
  name: 'file_checksum',
  auth: 'required',
  async handler(ctx) {
    const open = openOf(ctx);
    const offset = offsetOf(ctx);
    const count = intParam(ctx.params, 'count');
    if (count === undefined || count < 0) throw new ApiFailure(1011);
    const size = Math.max(0, Math.min(count, sizeOf(ctx, open) - offset));
    const extra = ctx.state.extraDigest(callerOf(ctx));
    const hasher = new ContentHasher(extra);
    if (size > 0) await eachChunk(readRange(ctx, open, { start: offset, end: offset + size - 1 }), (chunk) => hasher.update(chunk));
    const digests = hasher.digest();
    return { body: { sha1: digests.sha1, [extra]: digests[extra], size } };
  },
};
