import type { PublicLink } from '@pcloud/core';
import { escapeControl } from '@pcloud/core/internal';
import { parsePCloudDate } from '@pcloud/core';

function isoSeconds(unix: number): string {
  return `${new Date(unix * 1000).toISOString().slice(0, 19)}Z`;
}

/** What a link's limits leave, e.g. `3 of 10 downloads, expires 2026-12-31T00:00:00Z` or `expired 2026-…`. */
function limitsText(link: PublicLink, now: number): string {
  const downloads = `${link.downloads}${link.maxdownloads ? ` of ${link.maxdownloads}` : ''} download(s)`;
  const expires = link.expires === undefined ? undefined : parsePCloudDate(link.expires);
  if (expires === undefined) return `${downloads}, never expires`;
  return `${downloads}, ${expires <= now ? 'expired' : 'expires'} ${isoSeconds(expires)}`;
}

/**
 * One line of `link --list`: `LINKID  URL  NAME  limits`; a folder's name ends in `/`. The name and
 * URL come from the server: control characters are escaped (the URL was checked by core).
 */
export function formatLinkRow(link: PublicLink, now: number): string {
  const item = link.metadata;
  const name = `${escapeControl(item.name)}${item.isfolder ? '/' : ''}`;
  return `${String(link.linkid).padStart(10)}  ${link.link}  ${name}  ${limitsText(link, now)}`;
}

/** A link as `link --list --json` gives it: the facts, dates as ISO strings. */
export function linkJson(link: PublicLink): Record<string, unknown> {
  const expires = link.expires === undefined ? undefined : parsePCloudDate(link.expires);
  const item = link.metadata;
  return {
    linkid: link.linkid,
    link: link.link,
    name: item.name,
    kind: item.isfolder ? 'folder' : 'file',
    id: item.isfolder ? item.folderid : item.fileid,
    downloads: link.downloads,
    traffic: link.traffic,
    ...(link.maxdownloads ? { maxdownloads: link.maxdownloads } : {}),
    ...(link.maxtraffic ? { maxtraffic: link.maxtraffic } : {}),
    ...(expires !== undefined ? { expires: isoSeconds(expires) } : {}),
  };
}
