/**
 * `getfilepublink` and `getfolderpublink` (docs.pcloud.com public_links): a public link to a
 * file or folder, with optional `expire`, `maxdownloads`, `maxtraffic` and `shortlink`. An item
 * keeps one link: asking again while it still serves answers that link as it is, settings
 * untouched (changepublink changes them), as clients observe of pCloud; once it no longer serves
 * (expired, used up) a new one is made. Unverified accounts get 2014; the root folder 2015.
 * OAuth tokens may call both (SPEC-NOTES.md: rclone and 2026 field reports use them so).
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext, MethodResult, MethodSpec } from '../api/types.js';
import { callerOf } from '../params/caller.js';
import { linkRefusal, linkSettings } from '../params/public-link.js';
import { fileFromParams, folderFromParams, viewOf } from '../params/tree-items.js';
import { publinkCodes } from '../render/publink-object.js';
import type { LinkTarget, PublicLink } from '../state/public-links.js';

/** Finds or makes the caller's link to `target`. */
function linkTo(ctx: MethodContext, target: LinkTarget): MethodResult {
  const { account } = callerOf(ctx);
  const settings = linkSettings(ctx, false);
  if (!account.emailverified) throw new ApiFailure(2014);
  const { state } = ctx;
  const existing = state.publinks.forTarget(account.userid, target);
  if (existing && linkRefusal(state, existing) === undefined) return { body: publinkCodes(state, existing) };
  const spent = (link: PublicLink): boolean => linkRefusal(state, link) !== undefined;
  const link = state.publinks.create(account.userid, target, settings, state.now(), spent);
  return { body: publinkCodes(state, link) };
}

/** `getfilepublink`: a public link to the file named by `fileid` or `path`. */
export const getfilepublink: MethodSpec = {
  name: 'getfilepublink',
  auth: 'required',
  handler(ctx) {
    const file = fileFromParams(ctx, viewOf(ctx));
    return linkTo(ctx, { kind: 'file', id: file.id });
  },
};

/** `getfolderpublink`: a public link to the folder named by `folderid` or `path` (1002 without either). */
export const getfolderpublink: MethodSpec = {
  name: 'getfolderpublink',
  auth: 'required',
  handler(ctx) {
    const folder = folderFromParams(ctx, viewOf(ctx), 1002);
    if (folder.id === 0) throw new ApiFailure(2015);
    return linkTo(ctx, { kind: 'folder', id: folder.id });
  },
};
