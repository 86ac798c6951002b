/**
 * `getfilelink` (pcloud-api.md §4.9, §10): a fresh, percent-encoded path on the emulator's
 * download host for every call, with `expires`, `size`, `hash` and `dwltag`.
 */
import { randomBytes } from 'node:crypto';
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import { apiDate } from '../api/api-date.js';
import { contentKindOf } from '../state/content-types.js';
import { LINK_LIFETIME_SECONDS } from '../state/download-links.js';
import { flagParam } from '../params/typed-values.js';
import { callerOf } from '../params/caller.js';
import { fileFromParams, viewOf } from '../params/tree-items.js';

const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

/** `getfilelink`: where to download a file without credentials. */
export const getfilelink: MethodSpec = {
  name: 'getfilelink',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const file = fileFromParams(ctx, view);
    let contenttype = contentKindOf(file.name).contenttype;
    const asked = ctx.params.get('contenttype');
    if (asked !== undefined && asked !== '') {
      if (!CONTENT_TYPE.test(asked)) throw new ApiFailure(1005);
      contenttype = asked;
    }
    if (flagParam(ctx.params, 'forcedownload')) contenttype = 'application/octet-stream';
    const now = ctx.state.now();
    const expires = ctx.state.faults.expireLinks ? now - 1 : now + LINK_LIFETIME_SECONDS;
    const link = { userid: callerOf(ctx).account.userid, fileid: file.id, expires, contenttype };
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
  },
};
