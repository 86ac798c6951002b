/**
 * Download links handed out by getfilelink (pcloud-api.md §4.9, §10): an unguessable path per
 * call, mapped to the file it names and an expiry. Links live in memory only.
 */
import { randomBytes } from 'node:crypto';

/** What a link path stands for. */
export interface DownloadLink {
  userid: number;
  fileid: number;
  /** Unix seconds. */
  expires: number;
  /** Content-Type the download host sends. */
  contenttype: string;
}

/** Default lifetime of a link: six hours (pCloud's is "hours"; clients refresh below 30 s). */
export const LINK_LIFETIME_SECONDS = 6 * 3600;

/** The link table. */
export class DownloadLinks {
  private readonly links = new Map<string, DownloadLink>();

  /** Creates a link for a file and returns its path: `/<token>/<percent-encoded name>`. */
  create(link: DownloadLink, filename: string | undefined): string {
    const token = randomBytes(18).toString('base64url');
    this.links.set(token, link);
    return filename === undefined ? `/${token}/` : `/${token}/${encodeURIComponent(filename)}`;
  }

  /** Looks a request path up by its first segment. */
  find(path: string): DownloadLink | undefined {
    const token = path.split('/')[1];
    return token ? this.links.get(token) : undefined;
  }

  /** Forgets every link (e.g. on restart; links are not persisted). */
  clear(): void {
    this.links.clear();
  }
}
