/**
 * `getfilelink` (pcloud-api.md §4.9, §10): a fresh, percent-encoded path on the emulator's
 * download host for every call, with `expires`, `size`, `hash` and `dwltag`. getpublinkdownload
 * answers the same way for a file behind a public link.
 */
import { randomBytes } from 'node:crypto';
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext, MethodResult, MethodSpec } from '../api/types.js';
import type { FileNode } from '../state/tree-nodes.js';
import { apiDate } from '../api/api-date.js';
import { contentKindOf } from '../state/content-types.js';
import { LINK_LIFETIME_SECONDS } from '../state/download-links.js';
import { flagParam } from '../params/typed-values.js';
import { callerOf } from '../params/caller.js';
import { fileFromParams, viewOf } from '../params/tree-items.js';

const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

/**
 * The answer of getfilelink and getpublinkdownload: a fresh download-host path for a file of
 * account `userid`, honouring `contenttype`, `forcedownload` and `skipfilename` (1005 for a bad type).
 */
export function downloadLinkAnswer(ctx: MethodContext, userid: number, file: FileNode, publinkid?: number): MethodResult {
  let contenttype = contentKindOf(file.name).contenttype;
  const asked = ctx.params.get('contenttype');
  if (asked !== undefined && asked !== '') {
    if (!CONTENT_TYPE.test(asked)) throw new ApiFailure(1005);
    contenttype = asked;
  }
  if (flagParam(ctx.params, 'forcedownload')) contenttype = 'application/octet-stream';
  const now = ctx.state.now();
  const expires = ctx.state.faults.expireLinks ? now - 1 : now + LINK_LIFETIME_SECONDS;
  const link = { userid, fileid: file.id, expires, contenttype, ...(publinkid === undefined ? {} : { publinkid }) };
  const path = ctx.state.links.create(link, flagParam(ctx.params, 'skipfilename') ? undefined : file.name);
  return {
    body: {
      path,
      hosts: [ctx.state.downloadHost],
      expires: apiDate(expires),
      dwltag: randomBytes(16).toString('base64url'),
      hash: file.hash,
      size: file.size,
    },
  };
}

/** `getfilelink`: where to download a file without credentials. */
export const getfilelink: MethodSpec = {
  name: 'getfilelink',
  auth: 'required',
  handler(ctx) {
    return downloadLinkAnswer(ctx, callerOf(ctx).account.userid, fileFromParams(ctx, viewOf(ctx)));
  },
};
