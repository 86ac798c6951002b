/**
 * `uploadprogress` (pcloud-api.md §4.3): how far an `uploadfile` that carried the same
 * `progresshash` has come; 1900 "Upload not found" for a hash nobody uploads under.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import { callerOf } from '../params/caller.js';

/** `uploadprogress`. */
export const uploadprogress: MethodSpec = {
  name: 'uploadprogress',
  auth: 'required',
  handler(ctx) {
    const hash = ctx.params.get('progresshash');
    const progress = hash ? ctx.state.uploadProgress.find(callerOf(ctx).account.userid, hash) : undefined;
    if (!progress) throw new ApiFailure(1900);
    const { total, uploaded, currentfile, currentfileuploaded, filenumber, files, finished } = progress;
    // Copies: the dispatcher renders dates in place, and the next poll must see them unrendered.
    return { body: { total, uploaded, currentfile, currentfileuploaded, filenumber, files: files.map((meta) => ({ ...meta })), finished } };
  },
};
