/**
 * Public-link parameters (docs.pcloud.com public_links): the settings a link is created or changed
 * with, and what a `code` names for the calls anyone may make with it (showpublink,
 * getpublinkdownload) and the link pages: the link, its owner's view of the tree and the item it
 * points at, or the 7xxx answer pCloud gives instead.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext } from '../api/types.js';
import type { EmulatorState } from '../state/emulator-state.js';
import type { LinkSettings, PublicLink } from '../state/public-links.js';
import { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';
import { dateParam } from './datetime-param.js';
import { flagParam, intParam } from './typed-values.js';

/** A link that serves, with what it serves. */
export interface OpenLink {
  link: PublicLink;
  /** The owner's whole tree (a link's visitor is nobody's app). */
  view: TreeView;
  item: FileNode | FolderNode;
}

/** The live item a link points at, or undefined once it was deleted. */
export function linkedItem(state: EmulatorState, link: PublicLink): FileNode | FolderNode | undefined {
  const tree = state.files.tree(link.userid);
  return link.target.kind === 'file' ? tree.file(link.target.id) : tree.folder(link.target.id);
}

/**
 * Why a link does not serve now, as pCloud's code: 7002 deleted (or its item was), 7004 expired,
 * 7005 out of traffic, 7006 out of downloads; undefined when it serves.
 */
export function linkRefusal(state: EmulatorState, link: PublicLink): number | undefined {
  if (link.deleted || !linkedItem(state, link)) return 7002;
  if (link.expires !== undefined && link.expires <= state.now()) return 7004;
  if (link.maxtraffic !== undefined && link.traffic >= link.maxtraffic) return 7005;
  if (link.maxdownloads !== undefined && link.downloads >= link.maxdownloads) return 7006;
  return undefined;
}

/** The link the call's `code` (or shortcode) names: 1028 without one, 7001 for an unknown code, else {@link linkRefusal}. */
export function openLink(ctx: MethodContext): OpenLink {
  const code = ctx.params.get('code');
  if (code === undefined || code === '') throw new ApiFailure(1028);
  const link = ctx.state.publinks.find(code);
  if (!link) throw new ApiFailure(7001);
  const refusal = linkRefusal(ctx.state, link);
  if (refusal !== undefined) throw new ApiFailure(refusal);
  const item = linkedItem(ctx.state, link)!;
  return { link, view: new TreeView(ctx.state.files.tree(link.userid), { kind: 'all' }), item };
}

/** A limit parameter: a positive count, `null` for 0 ("unlimited" in changepublink), undefined when absent or not a number. */
function limitParam(ctx: MethodContext, name: string): number | null | undefined {
  const value = intParam(ctx.params, name);
  if (value === undefined) return undefined;
  return value > 0 ? value : null;
}

/**
 * The settings a call asks for: `expire`, `maxdownloads`, `maxtraffic`, `shortlink` and, with
 * `changes`, `deleteexpire` and `deleteshortlink`. 1013 for an expiry not understood. Link
 * passwords are not emulated: `linkpassword` is refused rather than ignored, so no test believes
 * a link is protected when it is not.
 */
export function linkSettings(ctx: MethodContext, changes: boolean): LinkSettings {
  if (ctx.params.has('linkpassword')) throw new ApiFailure(2003, 'Link passwords are not emulated.');
  const settings: LinkSettings = {};
  const expires = dateParam(ctx.params, 'expire');
  if (expires !== undefined) settings.expires = expires;
  else if (changes && flagParam(ctx.params, 'deleteexpire')) settings.expires = null;
  const maxdownloads = limitParam(ctx, 'maxdownloads');
  if (maxdownloads !== undefined) settings.maxdownloads = maxdownloads;
  const maxtraffic = limitParam(ctx, 'maxtraffic');
  if (maxtraffic !== undefined) settings.maxtraffic = maxtraffic;
  if (flagParam(ctx.params, 'shortlink')) settings.shortlink = true;
  else if (changes && flagParam(ctx.params, 'deleteshortlink')) settings.shortlink = false;
  return settings;
}
