/**
 * Download links handed out by getfilelink (pcloud-api.md §4.9, §10): an unguessable path per
 * call, mapped to the file it names and an expiry. Links that expired a while ago are pruned as
 * new ones are made (until then the download host answers 401 for them, as pCloud does), and an
 * account keeps a bounded number, so a client calling getfilelink in a loop cannot grow memory.
 * With a data dir the table is persisted: a link stays valid across a restart for its lifetime.
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
  /** The public link it was handed out through (getpublinkdownload): the bytes sent count as its traffic. */
  publinkid?: number;
}

/** The persisted form of the table: token and link, oldest first. */
export type DownloadLinksSnapshot = Array<[string, DownloadLink]>;

/** Default lifetime of a link: six hours (pCloud's is "hours"; clients refresh below 30 s). */
export const LINK_LIFETIME_SECONDS = 6 * 3600;
/** An expired link still answers 401 (not 404) for this long before it is forgotten. */
const EXPIRED_KEPT_SECONDS = 3600;
/** Links one account may hold; the oldest go first. */
const MAX_LINKS_PER_ACCOUNT = 10_000;

/** The link table. */
export class DownloadLinks {
  /** Insertion order is creation order. */
  private readonly links = new Map<string, DownloadLink>();
  /** Called when the table changed (persistence saves it). */
  onChange: (() => void) | undefined;

  constructor(private readonly clock: () => number = () => Math.floor(Date.now() / 1000)) {}

  /** Creates a link for a file and returns its path: `/<token>/<percent-encoded name>`. */
  create(link: DownloadLink, filename: string | undefined): string {
    this.prune(link.userid);
    const token = randomBytes(18).toString('base64url');
    this.links.set(token, link);
    this.onChange?.();
    return filename === undefined ? `/${token}/` : `/${token}/${encodeURIComponent(filename)}`;
  }

  /** Looks a request path up by its first segment. */
  find(path: string): DownloadLink | undefined {
    const token = path.split('/')[1];
    return token ? this.links.get(token) : undefined;
  }

  /** Number of links held (expired ones not yet pruned included). */
  get size(): number {
    return this.links.size;
  }

  snapshot(): DownloadLinksSnapshot {
    return [...this.links];
  }

  /** Takes the links of an earlier run back, minus those long expired. */
  restore(snapshot: DownloadLinksSnapshot): void {
    for (const [token, link] of snapshot) this.links.set(token, link);
    for (const userid of new Set(snapshot.map(([, link]) => link.userid))) this.prune(userid);
  }

  private prune(userid: number): void {
    const oldest = this.clock() - EXPIRED_KEPT_SECONDS;
    let own = 0;
    for (const [token, link] of this.links) if (link.expires < oldest) this.links.delete(token);
    for (const link of this.links.values()) if (link.userid === userid) own++;
    for (const [token, link] of this.links) {
      if (own < MAX_LINKS_PER_ACCOUNT) break;
      if (link.userid !== userid) continue;
      this.links.delete(token);
      own--;
    }
  }
}
