/**
 * The caller's public links (docs.pcloud.com public_links): `listpublinks`, `changepublink`,
 * `deletepublink`. Expired and used-up links stay listed with their `expires`, `downloads` and
 * `traffic`, as pCloud leaves it to clients to show them so; links whose item was deleted are
 * not listed. A private app folder's token sees and touches only links to items in its folder.
 */
import type { MethodContext, MethodSpec } from '../api/types.js';
import { ApiFailure } from '../api/api-failure.js';
import { callerOf } from '../params/caller.js';
import { linkedItem, linkSettings } from '../params/public-link.js';
import { viewOf } from '../params/tree-items.js';
import { intParam } from '../params/typed-values.js';
import { publinkCodes, publinkObject } from '../render/publink-object.js';
import type { PublicLink } from '../state/public-links.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';

/** The item of a link when the caller's view reaches it. */
function visibleItem(ctx: MethodContext, view: TreeView, link: PublicLink): FileNode | FolderNode | undefined {
  const item = linkedItem(ctx.state, link);
  if (!item) return undefined;
  const folderId = item.kind === 'file' ? item.parentId : item.id;
  return view.tree.isWithin(folderId, view.rootId) ? item : undefined;
}

/** The caller's link named by `linkid`: 1030 without one, 2027 when it is not theirs to see. */
function ownedLink(ctx: MethodContext, view: TreeView): PublicLink {
  const linkid = intParam(ctx.params, 'linkid');
  if (linkid === undefined) throw new ApiFailure(1030);
  const link = ctx.state.publinks.owned(callerOf(ctx).account.userid, linkid);
  // A link to a deleted item can still be deleted; one outside an app's folder is not the app's.
  const item = linkedItem(ctx.state, link);
  if (item && !visibleItem(ctx, view, link)) throw new ApiFailure(2027);
  return link;
}

/** `listpublinks`: every link of the account the caller may see, oldest first. */
export const listpublinks: MethodSpec = {
  name: 'listpublinks',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const publinks: Record<string, unknown>[] = [];
    for (const link of ctx.state.publinks.list(callerOf(ctx).account.userid)) {
      const item = visibleItem(ctx, view, link);
      if (item) publinks.push(publinkObject(ctx.state, view, link, item));
    }
    return { body: { publinks } };
  },
};

/** `changepublink`: new `expire` (or `deleteexpire`), limits (0 removes one), short link on or off. */
export const changepublink: MethodSpec = {
  name: 'changepublink',
  auth: 'required',
  handler(ctx) {
    const link = ownedLink(ctx, viewOf(ctx));
    const settings = linkSettings(ctx, true);
    ctx.state.publinks.apply(link, settings, ctx.state.now());
    if (settings.shortlink !== true) return { body: {} };
    const { shortcode, shortlink } = publinkCodes(ctx.state, link);
    return { body: { shortcode, shortlink } };
  },
};

/** `deletepublink`: the link stops serving at once (its code then answers 7002). */
export const deletepublink: MethodSpec = {
  name: 'deletepublink',
  auth: 'required',
  handler(ctx) {
    const link = ownedLink(ctx, viewOf(ctx));
    ctx.state.publinks.delete(link, ctx.state.now());
    return { body: {} };
  },
};
