/**
 * Resumable uploads (pcloud-api.md §4.2): `upload_create`, `upload_write` (data at an offset),
 * `upload_info` (size and digests so far), `upload_save` (becomes a file), `upload_delete`.
 * A write may not reach past what the account's quota leaves free (2008), so no offset can grow
 * a session beyond the size pCloud would store.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext, MethodSpec } from '../api/types.js';
import { usedQuota } from '../state/account-usage.js';
import { fileMetadata } from '../render/metadata-object.js';
import { putFile } from '../state/put-file.js';
import { flagParam, intParam } from '../params/typed-values.js';
import { callerOf } from '../params/caller.js';
import { newItemTarget, timesOf, viewOf } from '../params/tree-items.js';

const sessionOf = (ctx: MethodContext) => ctx.state.uploads.get(callerOf(ctx).account.userid, intParam(ctx.params, 'uploadid'));

/** `upload_create`: opens a session. */
export const uploadCreate: MethodSpec = {
  name: 'upload_create',
  auth: 'required',
  async handler(ctx) {
    const caller = callerOf(ctx);
    const session = await ctx.state.uploads.create(caller.account.userid, ctx.state.extraDigest(caller) === 'sha256');
    return { body: { uploadid: session.uploadid } };
  },
};

/** `upload_write`: writes the request's data at `uploadoffset` (2068 while another write runs, 2008 past the quota). */
export const uploadWrite: MethodSpec = {
  name: 'upload_write',
  auth: 'required',
  async handler(ctx) {
    const session = await sessionOf(ctx);
    const offset = intParam(ctx.params, 'uploadoffset') ?? 0;
    if (session.writing || offset < 0) throw new ApiFailure(2068);
    const { account } = callerOf(ctx);
    const free = account.quota - usedQuota(ctx.state, account.userid);
    session.writing = true;
    try {
      for await (const file of ctx.files) {
        if (offset + (file.length ?? 0) > free) {
          file.stream.resume();
          throw new ApiFailure(2008);
        }
        await session.scratch.writeAt(offset, file.stream, undefined, file.length);
      }
    } catch (error) {
      throw error instanceof ApiFailure ? error : new ApiFailure(2041);
    } finally {
      session.writing = false;
    }
    return { body: {} };
  },
};

/** `upload_info`: size, sha1 and md5 (plus sha256 in the EU) of what was written. */
export const uploadInfo: MethodSpec = {
  name: 'upload_info',
  auth: 'required',
  async handler(ctx) {
    const { scratch } = await sessionOf(ctx);
    const withMd5 = await scratch.digests('md5');
    const body: Record<string, unknown> = { size: withMd5.size, sha1: withMd5.sha1, md5: withMd5.md5 };
    if (ctx.state.extraDigest(callerOf(ctx)) === 'sha256') body.sha256 = (await scratch.digests('sha256')).sha256;
    return { body };
  },
};

/** `upload_save`: stores the session's bytes as a file (`folderid`+`name` or `path`). */
export const uploadSave: MethodSpec = {
  name: 'upload_save',
  auth: 'required',
  async handler(ctx) {
    const session = await sessionOf(ctx);
    const view = viewOf(ctx);
    const { parent, name } = newItemTarget(ctx, view, 1001);
    const ifhash = ctx.params.get('ifhash');
    const existing = view.tree.childFile(parent, name);
    // With `ifhash`, a changed file is not overwritten: the upload lands beside it as "{CONFLICTED}".
    const conflicted = ifhash !== undefined && existing !== undefined && existing.hash.toString() !== ifhash;
    const dot = name.lastIndexOf('.');
    const finalName = conflicted ? (dot > 0 ? `${name.slice(0, dot)} {CONFLICTED}${name.slice(dot)}` : `${name} {CONFLICTED}`) : name;
    ctx.state.uploads.forget(session.uploadid);
    const blob = await session.scratch.commit(ctx.state.extraDigest(callerOf(ctx)));
    const file = putFile(view.tree, parent, finalName, blob, {
      now: ctx.state.now(),
      ...timesOf(ctx),
      renameIfExists: flagParam(ctx.params, 'renameifexists') || conflicted,
    });
    return { body: { metadata: fileMetadata(view, file) } };
  },
};

/** `upload_delete`: abandons a session. */
export const uploadDelete: MethodSpec = {
  name: 'upload_delete',
  auth: 'required',
  async handler(ctx) {
    const session = await sessionOf(ctx);
    ctx.state.uploads.forget(session.uploadid);
    await session.scratch.discard();
    return { body: {} };
  },
};
