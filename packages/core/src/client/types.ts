/**
 * Entity types of the pCloud API as the client hands them out (pcloud-api.md §2, §5, §6).
 * Ids, sizes and times are numbers; the content `hash` is always a bigint because it uses the
 * full unsigned 64-bit range. Optional fields are absent, never null. Datetimes are the
 * RFC 2822 strings unless the call asked for `timeformat=timestamp` (then Unix seconds).
 */

/** A pCloud datetime: `Sat, 24 Jul 2021 10:11:12 +0000`, or Unix seconds with `timeformat=timestamp`. */
export type PCloudDate = string | number;

/** Fields shared by file and folder metadata (§2.1). */
export interface MetadataBase {
  /** `f<fileid>` or `d<folderid>`; the root is `d0`. */
  id: string;
  name: string;
  /** Present on the top-level object of a path-addressed call; do not rely on it elsewhere (§2.2). */
  path?: string;
  /** Absent for the root folder. */
  parentfolderid?: number;
  created: PCloudDate;
  modified: PCloudDate;
  ismine: boolean;
  isshared: boolean;
  icon: string | number;
  thumb: boolean;
  /** Only on deleted objects, always true. */
  isdeleted?: true;
  comments?: number;
  /** Owner's user id when `ismine` is false. */
  userid?: number;
}

/** A file's metadata (§2.1). */
export interface FileMetadata extends MetadataBase {
  isfolder: false;
  fileid: number;
  size: number;
  contenttype: string;
  category: number;
  /** Unsigned 64-bit content hash; changes with the content. */
  hash: bigint;
  /** Set by renamefile when a file at the destination was replaced. */
  deletedfileid?: number;
  width?: number;
  height?: number;
  artist?: string;
  album?: string;
  title?: string;
  genre?: string;
  trackno?: string;
  /** In collections: 1-based position and when it was added (§5.1). */
  position?: number;
  added?: PCloudDate;
}

/** A folder's metadata; `contents` comes with listfolder (recursively with `recursive=1`). */
export interface FolderMetadata extends MetadataBase {
  isfolder: true;
  folderid: number;
  contents?: Metadata[];
}

/** File or folder metadata, discriminated by `isfolder`. */
export type Metadata = FileMetadata | FolderMetadata;

/** Checksums of a file's content: sha1 always, md5 on US accounts, sha256 on EU accounts (§4.8). */
export interface Checksums {
  sha1: string;
  md5?: string;
  sha256?: string;
}

/** A collection (playlist) object (§5.1). */
export interface Collection {
  id: number;
  name: string;
  type: 'generic' | 'audio' | string;
  ismine: boolean;
  system: boolean;
  subtype?: number;
  items: number;
  created: PCloudDate;
  modified: PCloudDate;
  contents?: FileMetadata[];
  page?: number;
  pagesize?: number;
}

/** One entry of `collection_linkfiles`/`collection_create` `linkresult` (`fileid` is a string on the wire). */
export interface LinkResult {
  fileid: string | number;
  result: number;
  message?: string;
  metadata?: FileMetadata;
}

/** What creating a public link answers (`getfilepublink`, `getfolderpublink`); the short pair only with a short link. */
export interface PublicLinkCodes {
  /** Names the link in `changepublink` and `deletepublink`. */
  linkid: number;
  /** The page anyone with it may open. */
  link: string;
  /** The link's code (`showpublink`, `getpublinkdownload`). */
  code: string;
  shortcode?: string;
  shortlink?: string;
}

/**
 * A public link as `listpublinks` describes it. Expired and used-up links are listed too: compare
 * `expires`, `downloads` and `traffic` with the limits to tell them.
 */
export interface PublicLink extends PublicLinkCodes {
  created: PCloudDate;
  modified: PCloudDate;
  /** The linked file or folder (a folder without `contents`). */
  metadata: Metadata;
  downloads: number;
  /** Bytes sent through the link so far. */
  traffic: number;
  /** Only when the link has an expiry (it may be past). */
  expires?: PCloudDate;
  maxdownloads?: number;
  maxtraffic?: number;
}

/** A login token as listed by `listtokens` (§6.3). */
export interface TokenInfo {
  tokenid: number;
  device: string;
  created: PCloudDate;
  expires_inactive: PCloudDate;
  expires: PCloudDate;
}

/** The account as `userinfo` describes it (§6.1). */
export interface UserInfo {
  userid: number;
  email: string;
  emailverified: boolean;
  registered: PCloudDate;
  premium: boolean;
  premiumexpires?: PCloudDate;
  quota: number;
  usedquota: number;
  language: string;
  /** Only after a legacy inline login with `getauth=1`. */
  auth?: string;
  [field: string]: unknown;
}

/** pCloud's region ids: 1 = United States, 2 = Europe (§1.5). */
export type LocationId = 1 | 2;
