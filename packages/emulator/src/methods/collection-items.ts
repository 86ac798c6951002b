/**
 * Changing what a collection holds: `collection_linkfiles`, `collection_unlinkfiles`,
 * `collection_move` (pcloud-api.md §5.2). `linkresult[].fileid` is a string, as pCloud sends it.
 */
import { resultMessage } from '@pcloud/core/internal';
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext, MethodSpec } from '../api/types.js';
import type { Collection } from '../state/collection-store.js';
import { contentKindOf } from '../state/content-types.js';
import type { TreeView } from '../state/tree-view.js';
import { itemMetadata, renderCollection, visibleFile } from '../render/collection-object.js';
import { flagParam, idOf, intParam, listParam } from '../params/typed-values.js';
import { callerOf } from '../params/caller.js';

/** Appends files in the order given and reports each one (2009 missing, 2071 not audio in an audio collection). */
export function linkFiles(view: TreeView, ctx: MethodContext, collection: Collection, fileids: string[]): Array<Record<string, unknown>> {
  const now = ctx.state.now();
  return fileids.map((text) => {
    const id = idOf(text);
    const file = id === undefined ? undefined : visibleFile(view, id);
    if (id === undefined || !file) return { fileid: text, result: 2009, message: resultMessage(2009) };
    if (collection.type === 1 && contentKindOf(file.name).category !== 3)
      return { fileid: text, result: 2071, message: resultMessage(2071) };
    ctx.state.collections.append(collection, id, now);
    const position = collection.items.findIndex((item) => item.fileid === id) + 1;
    const item = collection.items[position - 1];
    return { fileid: text, result: 0, metadata: itemMetadata(view, file, position, item?.added ?? now) };
  });
}

/** The required `collectionid` parameter; 1057 when absent or not a number. */
export function collectionIdOf(ctx: MethodContext): number {
  const id = intParam(ctx.params, 'collectionid');
  if (id === undefined) throw new ApiFailure(1057);
  return id;
}

/** `collection_linkfiles`: `collectionid`, `fileids`, `noitems`. */
export const collectionLinkfiles: MethodSpec = {
  name: 'collection_linkfiles',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const id = collectionIdOf(ctx);
    const fileids = listParam(ctx.params, 'fileids');
    if (!fileids) throw new ApiFailure(1038);
    const collection = ctx.state.collections.editable(caller.account.userid, id);
    const view = ctx.state.view(caller);
    const linkresult = linkFiles(view, ctx, collection, fileids);
    return { body: { linkresult: flagParam(ctx.params, 'noitems') ? [] : linkresult, collection: renderCollection(view, collection) } };
  },
};

/** `collection_unlinkfiles`: by `positions`, else `all`, else `fileids` (that precedence, §5.2). */
export const collectionUnlinkfiles: MethodSpec = {
  name: 'collection_unlinkfiles',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const id = collectionIdOf(ctx);
    const positions = listParam(ctx.params, 'positions');
    const all = flagParam(ctx.params, 'all');
    const fileids = listParam(ctx.params, 'fileids');
    if (!positions && !all && !fileids) throw new ApiFailure(1038);
    const collection = ctx.state.collections.editable(caller.account.userid, id);
    const store = ctx.state.collections;
    const now = ctx.state.now();
    if (positions) {
      const drop = new Set(positions.map(idOf));
      store.remove(collection, (_item, position) => drop.has(position), now);
    } else if (all) {
      store.remove(collection, () => true, now);
    } else {
      const drop = new Set((fileids ?? []).map(idOf));
      store.remove(collection, (item) => drop.has(item.fileid), now);
    }
    return { body: { collection: renderCollection(ctx.state.view(caller), collection) } };
  },
};

/** `collection_move`: the item at position `item` (optionally checked against `fileid`) goes to `position`. */
export const collectionMove: MethodSpec = {
  name: 'collection_move',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const id = collectionIdOf(ctx);
    const item = intParam(ctx.params, 'item');
    if (item === undefined) throw new ApiFailure(1059);
    const position = intParam(ctx.params, 'position');
    if (position === undefined) throw new ApiFailure(1060);
    const collection = ctx.state.collections.editable(caller.account.userid, id);
    const fileid = intParam(ctx.params, 'fileid');
    if (fileid !== undefined && collection.items[item - 1]?.fileid !== fileid) throw new ApiFailure(2066);
    ctx.state.collections.move(collection, item, position, ctx.state.now());
    return { body: {} };
  },
};
