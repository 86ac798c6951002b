/**
 * Collections themselves: `collection_list`, `collection_details`, `collection_create`,
 * `collection_rename`, `collection_delete` (pcloud-api.md §5). `collection` is an object, not the
 * array of the doc examples (§5.2 "Shape discrepancy").
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext, MethodSpec } from '../api/types.js';
import type { CollectionType } from '../state/collection-store.js';
import { callerOf } from '../params/caller.js';
import { collectionIdOf, linkFiles } from './collection-items.js';
import { renderCollection } from '../render/collection-object.js';
import { flagParam, intParam, listParam } from '../params/typed-values.js';

function nameOf(ctx: MethodContext): string {
  const name = ctx.params.get('name');
  if (name === undefined || name.trim() === '') throw new ApiFailure(1039);
  return name;
}

/** `collection_list`: `type` filter, `showfiles` fills `contents`, `pagesize` caps them. */
export const collectionList: MethodSpec = {
  name: 'collection_list',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const type = intParam(ctx.params, 'type');
    const view = ctx.state.view(caller);
    const window = flagParam(ctx.params, 'showfiles') ? { limit: intParam(ctx.params, 'pagesize') } : undefined;
    const collections = ctx.state.collections
      .list(caller.account.userid, ctx.state.now())
      .filter((c) => type === undefined || c.type === type)
      .map((c) => renderCollection(view, c, window));
    return { body: { collections } };
  },
};

/** `collection_details`: all items, or one `page` of `pagesize` (default 20). */
export const collectionDetails: MethodSpec = {
  name: 'collection_details',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const collection = ctx.state.collections.get(caller.account.userid, collectionIdOf(ctx));
    const page = intParam(ctx.params, 'page');
    const pagesize = intParam(ctx.params, 'pagesize');
    const window =
      page !== undefined && page >= 1 ? { page, pagesize: pagesize !== undefined && pagesize >= 1 ? pagesize : undefined } : {};
    return { body: { collection: renderCollection(ctx.state.view(caller), collection, window) } };
  },
};

/** `collection_create`: `name`, `type` (0 generic, 1 audio; default 1), optional first `fileids`. */
export const collectionCreate: MethodSpec = {
  name: 'collection_create',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const name = nameOf(ctx);
    const typeText = ctx.params.get('type');
    const type = typeText === undefined || typeText === '' ? 1 : intParam(ctx.params, 'type');
    if (type !== 0 && type !== 1) throw new ApiFailure(1058);
    const collection = ctx.state.collections.create(caller.account.userid, name, type satisfies CollectionType, ctx.state.now());
    const view = ctx.state.view(caller);
    const fileids = listParam(ctx.params, 'fileids');
    const body: Record<string, unknown> = {};
    if (fileids) body.linkresult = linkFiles(view, ctx, collection, fileids);
    body.collection = renderCollection(view, collection);
    return { body };
  },
};

/** `collection_rename`: `collectionid`, `name`. */
export const collectionRename: MethodSpec = {
  name: 'collection_rename',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const id = collectionIdOf(ctx);
    const name = nameOf(ctx);
    const collection = ctx.state.collections.editable(caller.account.userid, id);
    ctx.state.collections.rename(collection, name, ctx.state.now());
    return { body: { collection: renderCollection(ctx.state.view(caller), collection) } };
  },
};

/** `collection_delete`: system collections answer 2065 like missing ones. */
export const collectionDelete: MethodSpec = {
  name: 'collection_delete',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    ctx.state.collections.delete(ctx.state.collections.editable(caller.account.userid, collectionIdOf(ctx)));
    return { body: {} };
  },
};
