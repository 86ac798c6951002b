/**
 * Public links (pcloud-api.md §8.1 7xxx; docs.pcloud.com public_links/*): one per file or folder
 * and account, found by its long `code` or its `shortcode`. A deleted link is kept as a tombstone
 * so that its code answers 7002 rather than 7001; expired and used-up links stay listed, as
 * pCloud leaves it to clients to show them as such. An account holds a bounded number: when full,
 * tombstones and links that can no longer serve make room first, oldest first.
 */
import { randomInt } from 'node:crypto';
import { ApiFailure } from '../api/api-failure.js';

/** What a link points at (real ids of the owner's tree). */
export interface LinkTarget {
  kind: 'file' | 'folder';
  id: number;
}

/** One public link as kept and persisted. */
export interface PublicLink {
  linkid: number;
  userid: number;
  code: string;
  shortcode?: string;
  target: LinkTarget;
  /** Unix seconds. */
  created: number;
  modified: number;
  expires?: number;
  maxdownloads?: number;
  maxtraffic?: number;
  downloads: number;
  /** Bytes served through the link. */
  traffic: number;
  deleted: boolean;
}

/** Limits and settings a link is created with or changed to (`null` removes one). */
export interface LinkSettings {
  expires?: number | null;
  maxdownloads?: number | null;
  maxtraffic?: number | null;
  shortlink?: boolean;
}

/** Per-account bound. */
export interface PublicLinkLimits {
  /** Links an account may hold, tombstones included (default 1000). */
  perAccount?: number;
}

/** The persisted form. */
export interface PublicLinksSnapshot {
  nextId: number;
  links: PublicLink[];
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CODE_LENGTH = 34;
const SHORTCODE_LENGTH = 8;

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Every account's public links. */
export class PublicLinks {
  private readonly byId = new Map<number, PublicLink>();
  private readonly byCode = new Map<string, PublicLink>();
  private nextId = 1;
  readonly perAccount: number;
  /** Called after every change (persistence schedules a save). */
  onChange: () => void = () => undefined;

  constructor(limits: PublicLinkLimits = {}) {
    this.perAccount = limits.perAccount ?? 1000;
  }

  /** The live (not deleted) link of an account to a target, if any. */
  forTarget(userid: number, target: LinkTarget): PublicLink | undefined {
    for (const link of this.byId.values()) {
      if (link.userid === userid && !link.deleted && link.target.kind === target.kind && link.target.id === target.id) return link;
    }
    return undefined;
  }

  /** A new link. `spent` tells which links can no longer serve; they and tombstones make room when the account is full (2003 when none can). */
  create(userid: number, target: LinkTarget, settings: LinkSettings, now: number, spent: (link: PublicLink) => boolean): PublicLink {
    this.makeRoom(userid, spent);
    const link: PublicLink = {
      linkid: this.nextId++,
      userid,
      code: this.freshCode(CODE_LENGTH),
      target,
      created: now,
      modified: now,
      downloads: 0,
      traffic: 0,
      deleted: false,
    };
    this.byId.set(link.linkid, link);
    this.byCode.set(link.code, link);
    this.apply(link, settings, now);
    return link;
  }

  /** The account's live links, oldest first. */
  list(userid: number): PublicLink[] {
    return [...this.byId.values()].filter((link) => link.userid === userid && !link.deleted);
  }

  /** A live link of the account by id; 2027 when it has none (or it was deleted). */
  owned(userid: number, linkid: number): PublicLink {
    const link = this.byId.get(linkid);
    if (!link || link.userid !== userid || link.deleted) throw new ApiFailure(2027);
    return link;
  }

  /** The link a code or shortcode names, tombstones included. */
  find(code: string): PublicLink | undefined {
    return this.byCode.get(code);
  }

  /** `changepublink` and link creation: applies the settings given, leaves the rest. */
  apply(link: PublicLink, settings: LinkSettings, now: number): void {
    if (settings.expires !== undefined) link.expires = settings.expires ?? undefined;
    if (settings.maxdownloads !== undefined) link.maxdownloads = settings.maxdownloads || undefined;
    if (settings.maxtraffic !== undefined) link.maxtraffic = settings.maxtraffic || undefined;
    if (settings.shortlink === true && link.shortcode === undefined) {
      link.shortcode = this.freshCode(SHORTCODE_LENGTH);
      this.byCode.set(link.shortcode, link);
    }
    if (settings.shortlink === false && link.shortcode !== undefined) {
      this.byCode.delete(link.shortcode);
      delete link.shortcode;
    }
    for (const key of ['expires', 'maxdownloads', 'maxtraffic'] as const) if (link[key] === undefined) delete link[key];
    link.modified = now;
    this.onChange();
  }

  /** `deletepublink`: the link stops serving (7002) and leaves the listing. */
  delete(link: PublicLink, now: number): void {
    link.deleted = true;
    link.modified = now;
    this.onChange();
  }

  /** A download was handed out through the link. */
  countDownload(link: PublicLink): void {
    link.downloads++;
    this.onChange();
  }

  /** Bytes the download host sent for a link. */
  addTraffic(linkid: number, bytes: number): void {
    const link = this.byId.get(linkid);
    if (!link || bytes <= 0) return;
    link.traffic += bytes;
    this.onChange();
  }

  snapshot(): PublicLinksSnapshot {
    return { nextId: this.nextId, links: [...this.byId.values()] };
  }

  restore(snapshot: PublicLinksSnapshot): void {
    this.byId.clear();
    this.byCode.clear();
    for (const link of snapshot.links) {
      this.byId.set(link.linkid, link);
      this.byCode.set(link.code, link);
      if (link.shortcode !== undefined) this.byCode.set(link.shortcode, link);
    }
    this.nextId = snapshot.nextId;
  }

  private makeRoom(userid: number, spent: (link: PublicLink) => boolean): void {
    const own = [...this.byId.values()].filter((link) => link.userid === userid);
    let excess = own.length - this.perAccount + 1;
    for (const pass of [(link: PublicLink) => link.deleted, spent]) {
      for (const link of own) {
        if (excess <= 0) return;
        if (!this.byId.has(link.linkid) || !pass(link)) continue;
        this.forget(link);
        excess--;
      }
    }
    if (excess > 0) throw new ApiFailure(2003, `Too many public links: this account holds ${this.perAccount}. Delete some first.`);
  }

  private forget(link: PublicLink): void {
    this.byId.delete(link.linkid);
    this.byCode.delete(link.code);
    if (link.shortcode !== undefined) this.byCode.delete(link.shortcode);
  }

  private freshCode(length: number): string {
    for (;;) {
      const code = randomCode(length);
      if (!this.byCode.has(code)) return code;
    }
  }
}
