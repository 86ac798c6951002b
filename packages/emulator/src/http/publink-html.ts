/**
 * The HTML of a public link's page: a file with its size and a download button, or a folder's
 * tree with a download link per file (at most {@link MAX_SHOWN} entries), or why the link does not
 * serve. Every name comes from a user and is escaped; links carry only the code and file ids.
 */
import { escapeHtml, htmlPage } from './html-page.js';

/** Entries a folder page lists before it says how many more there are. */
export const MAX_SHOWN = 1000;

/** The metadata fields a page shows (as showpublink answers them). */
interface ShownItem {
  name?: unknown;
  isfolder?: unknown;
  fileid?: unknown;
  size?: unknown;
  modified?: unknown;
  contents?: unknown;
}

const text = (value: unknown): string => escapeHtml(String(value ?? ''));

function downloadHref(code: string, fileid?: unknown): string {
  const query = new URLSearchParams({ code });
  if (fileid !== undefined) query.set('fileid', String(fileid));
  return escapeHtml(`/publink/download?${query}`);
}

function treeHtml(items: ShownItem[], code: string, shown: { left: number; hidden: number }): string {
  const rows: string[] = [];
  for (const item of items) {
    if (shown.left <= 0) {
      shown.hidden++;
      continue;
    }
    shown.left--;
    if (item.isfolder === true) {
      const children = Array.isArray(item.contents) ? treeHtml(item.contents as ShownItem[], code, shown) : '';
      rows.push(`<li class="folder">${text(item.name)}/${children}</li>`);
    } else {
      rows.push(`<li class="file"><a href="${downloadHref(code, item.fileid)}">${text(item.name)}</a> (${text(item.size)} bytes)</li>`);
    }
  }
  return rows.length > 0 ? `<ul>${rows.join('')}</ul>` : '';
}

/** The page of a link to a file or a folder, from showpublink's `metadata`. */
export function publinkPage(metadata: ShownItem, code: string): string {
  if (metadata.isfolder !== true) {
    return htmlPage(
      String(metadata.name ?? ''),
      `<h1 id="name">${text(metadata.name)}</h1>
<p><span id="size">${text(metadata.size)}</span> bytes, modified ${text(metadata.modified)}</p>
<p><a id="download" href="${downloadHref(code)}">Download</a></p>`,
    );
  }
  const shown = { left: MAX_SHOWN, hidden: 0 };
  const tree = treeHtml(Array.isArray(metadata.contents) ? (metadata.contents as ShownItem[]) : [], code, shown);
  const more = shown.hidden > 0 ? `<p id="more">${shown.hidden} more not shown.</p>` : '';
  return htmlPage(String(metadata.name ?? ''), `<h1 id="name">${text(metadata.name)}/</h1>\n<div id="contents">${tree}</div>\n${more}`);
}

/** Why a link's page or download cannot be served: pCloud's message for the code. */
export function publinkErrorPage(result: number, message: string): string {
  return htmlPage('Public link', `<h1>Public link</h1><p id="error" data-result="${result}">${escapeHtml(message)}</p>`);
}

/** The body of the redirect to the download host. */
export function publinkRedirectPage(location: string): string {
  return htmlPage('Download', `<p><a id="download" href="${escapeHtml(location)}">Download</a></p>`);
}
