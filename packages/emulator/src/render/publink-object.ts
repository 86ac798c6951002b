/**
 * A public link as answers carry it (docs.pcloud.com public_links/getfilepublink, listpublinks):
 * `link` is the page that shows it, on the emulator's API host as pCloud's is on its web host;
 * the optional fields appear only when the link has them.
 */
import { apiDate } from '../api/api-date.js';
import type { EmulatorState } from '../state/emulator-state.js';
import type { PublicLink } from '../state/public-links.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';
import { nodeMetadata } from './metadata-object.js';

/** The URL of a link's page for a code or shortcode. */
export function publinkUrl(state: EmulatorState, code: string): string {
  return `${state.scheme}://${state.apiHost}/publink/show?code=${encodeURIComponent(code)}`;
}

/** `linkid`, `link`, `code` and, when there is a short link, `shortcode` and `shortlink`: what creating a link answers. */
export function publinkCodes(state: EmulatorState, link: PublicLink): Record<string, unknown> {
  const body: Record<string, unknown> = { linkid: link.linkid, link: publinkUrl(state, link.code), code: link.code };
  if (link.shortcode !== undefined) Object.assign(body, { shortcode: link.shortcode, shortlink: publinkUrl(state, link.shortcode) });
  return body;
}

/** One entry of listpublinks: codes, dates, counters, limits and the item's metadata (folders without contents). */
export function publinkObject(
  state: EmulatorState,
  view: TreeView,
  link: PublicLink,
  item: FileNode | FolderNode,
): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    ...publinkCodes(state, link),
    created: apiDate(link.created),
    modified: apiDate(link.modified),
    metadata: nodeMetadata(view, item),
    downloads: link.downloads,
    traffic: link.traffic,
  };
  if (link.expires !== undefined) entry.expires = apiDate(link.expires);
  if (link.maxdownloads !== undefined) entry.maxdownloads = link.maxdownloads;
  if (link.maxtraffic !== undefined) entry.maxtraffic = link.maxtraffic;
  return entry;
}
