/**
 * The one table that types `client.call`: each pCloud method name mapped to its parameters and
 * its result (pcloud-api.md §3–§7), plus, at run time, whether a call is safe to repeat.
 * Results list what the server sends besides `result` (always 0 on success).
 */
import type {
  Checksums,
  Collection,
  FileMetadata,
  FolderMetadata,
  LinkResult,
  LocationId,
  Metadata,
  PCloudDate,
  PublicLink,
  PublicLinkCodes,
  TokenInfo,
  UserInfo,
} from './types.js';

/** A parameter value: numbers and flags as the wire expects them; bigints for 64-bit values (`ifhash`). */
export type ParamValue = string | number | bigint | boolean;

/** Global parameters accepted by every method (§1.8); credentials are not here, the client adds them. */
export interface GlobalParams {
  id?: string;
  timeformat?: 'timestamp';
  filtermeta?: string;
  revisionid?: number;
  iconformat?: 'id';
  device?: string;
}

/** Address a file by id (preferred) or path. */
export type FileRef = { fileid: number; path?: never } | { path: string; fileid?: never };
/** Address a folder by id (preferred) or path. */
export type FolderRef = { folderid: number; path?: never } | { path: string; folderid?: never };
/** A new item: parent folder id and name, or a full path. */
export type NewItemRef = { folderid: number; name: string; path?: never } | { path: string; folderid?: never; name?: never };
/** A destination for rename/move/copy. */
export interface Destination {
  topath?: string;
  tofolderid?: number;
  toname?: string;
}

interface MetadataResult<M extends Metadata = Metadata> {
  metadata: M;
}

/** Limits a public link is created with (docs.pcloud.com public_links/getfilepublink). */
export interface PublicLinkParams {
  /** When the link stops working: Unix seconds or any datetime pCloud reads (§1.7). */
  expire?: number | string;
  maxdownloads?: number;
  /** Bytes; a download under way is not cut. */
  maxtraffic?: number;
  shortlink?: boolean;
}

/** What getfilelink and getpublinkdownload answer. */
interface FileLinkResult {
  path: string;
  hosts: string[];
  expires: PCloudDate;
  dwltag?: string;
  hash?: bigint;
  size?: number;
}

/** Every method the toolkit calls: `params` it takes and the `result` it answers. */
export interface MethodTable {
  userinfo: { params: { getauth?: boolean }; result: UserInfo };
  getapiserver: { params: Record<string, never>; result: { binapi: string[]; api: string[] } };
  currentserver: { params: Record<string, never>; result: { hostname: string; ip: string; ipbin?: string; ipv6?: string } };
  getdigest: { params: Record<string, never>; result: { digest: string; expires: PCloudDate } };
  logout: { params: Record<string, never>; result: { auth_deleted: boolean } };
  listtokens: { params: Record<string, never>; result: { tokens: TokenInfo[] } };
  deletetoken: { params: { tokenid: number }; result: Record<string, never> };
  oauth2_token: {
    params: { client_id: string; client_secret: string; code: string };
    result: { access_token: string; token_type: string; uid: number; locationid?: LocationId };
  };

  listfolder: {
    params: FolderRef & { recursive?: boolean; showdeleted?: boolean; nofiles?: boolean; noshares?: boolean };
    result: MetadataResult<FolderMetadata>;
  };
  createfolder: { params: NewItemRef; result: MetadataResult<FolderMetadata> };
  createfolderifnotexists: { params: NewItemRef; result: MetadataResult<FolderMetadata> & { created: boolean } };
  renamefolder: { params: FolderRef & Destination; result: MetadataResult<FolderMetadata> };
  deletefolder: { params: FolderRef; result: MetadataResult<FolderMetadata> };
  deletefolderrecursive: { params: FolderRef; result: { deletedfiles: number; deletedfolders: number } };
  copyfolder: {
    params: FolderRef & { tofolderid?: number; topath?: string; noover?: boolean; skipexisting?: boolean; copycontentonly?: boolean };
    result: MetadataResult<FolderMetadata>;
  };

  stat: { params: FileRef | { folderid: number }; result: MetadataResult };
  deletefile: { params: FileRef; result: MetadataResult<FileMetadata> };
  renamefile: { params: FileRef & Destination; result: MetadataResult<FileMetadata> };
  copyfile: {
    params: FileRef & Destination & { noover?: boolean; mtime?: number; ctime?: number };
    result: MetadataResult<FileMetadata>;
  };
  checksumfile: { params: FileRef; result: Checksums & MetadataResult<FileMetadata> };
  getfilelink: {
    params: FileRef & { forcedownload?: boolean; contenttype?: string; maxspeed?: number; skipfilename?: boolean };
    result: FileLinkResult;
  };

  uploadfile: {
    params: {
      folderid?: number;
      path?: string;
      filename?: string;
      nopartial?: boolean;
      renameifexists?: boolean;
      progresshash?: string;
      mtime?: number;
      ctime?: number;
    };
    result: { fileids: number[]; metadata: FileMetadata[]; checksums: Checksums[] };
  };
  upload_create: { params: { filesize?: number }; result: { uploadid: number } };
  upload_write: { params: { uploadid: number; uploadoffset: number }; result: Record<string, never> };
  upload_info: { params: { uploadid: number }; result: { size: number; sha1?: string; md5?: string; sha256?: string } };
  upload_save: {
    params: {
      uploadid: number;
      folderid?: number;
      name?: string;
      path?: string;
      mtime?: number;
      ctime?: number;
      renameifexists?: boolean;
      ifhash?: bigint;
    };
    result: MetadataResult<FileMetadata>;
  };
  upload_delete: { params: { uploadid: number }; result: Record<string, never> };

  collection_list: { params: { type?: 0 | 1; showfiles?: boolean; pagesize?: number }; result: { collections: Collection[] } };
  collection_details: {
    params: { collectionid: number; page?: number; pagesize?: number };
    result: { collection: Collection | Collection[] };
  };
  collection_create: {
    params: { name: string; type?: 0 | 1; fileids?: string };
    result: { collection: Collection | Collection[]; linkresult?: LinkResult[] | false };
  };
  collection_rename: { params: { collectionid: number; name: string }; result: { collection: Collection | Collection[] } };
  collection_delete: { params: { collectionid: number }; result: Record<string, never> };
  collection_linkfiles: {
    params: { collectionid: number; fileids: string; noitems?: boolean };
    result: { collection: Collection | Collection[]; linkresult?: LinkResult[] };
  };
  collection_unlinkfiles: {
    params: { collectionid: number; positions?: string; all?: boolean; fileids?: string };
    result: { collection?: Collection | Collection[] };
  };
  collection_move: { params: { collectionid: number; item: number; fileid?: number; position: number }; result: Record<string, never> };

  // Public links (docs.pcloud.com public_links; not in pcloud-api.md).
  getfilepublink: { params: FileRef & PublicLinkParams; result: PublicLinkCodes };
  getfolderpublink: { params: FolderRef & PublicLinkParams; result: PublicLinkCodes };
  listpublinks: { params: Record<string, never>; result: { publinks: PublicLink[] } };
  changepublink: {
    params: PublicLinkParams & { linkid: number; deleteexpire?: boolean; deleteshortlink?: boolean };
    result: { shortcode?: string; shortlink?: string };
  };
  deletepublink: { params: { linkid: number }; result: Record<string, never> };
  showpublink: { params: { code: string }; result: MetadataResult };
  getpublinkdownload: {
    params: { code: string; fileid?: number; forcedownload?: boolean; contenttype?: string; maxspeed?: number; skipfilename?: boolean };
    result: FileLinkResult;
  };
}

/** A method name the client knows. */
export type MethodName = keyof MethodTable;
/** Parameters of a method, global parameters included. */
export type MethodParams<M extends MethodName> = MethodTable[M]['params'] & GlobalParams;
/** What a method answers on success (`result` is 0 and omitted; `id` is echoed when sent). */
export type MethodResult<M extends MethodName> = MethodTable[M]['result'] & { id?: string };

/**
 * Whether a failed call may be sent again (§1.4): `safe` for reads and idempotent writes,
 * `body` for uploads that may be repeated only with a fresh body, `never` for the rest.
 */
export type RetryPolicyKind = 'safe' | 'body' | 'never';

/** Retry classification of every method in the table. */
export const METHOD_RETRY: { readonly [M in MethodName]: RetryPolicyKind } = {
  userinfo: 'safe',
  getapiserver: 'safe',
  currentserver: 'safe',
  getdigest: 'safe',
  logout: 'never',
  listtokens: 'safe',
  deletetoken: 'never',
  // A code is single-use: a repeat after a lost answer can only fail.
  oauth2_token: 'never',
  listfolder: 'safe',
  createfolder: 'never',
  createfolderifnotexists: 'safe',
  renamefolder: 'never',
  deletefolder: 'never',
  deletefolderrecursive: 'never',
  copyfolder: 'never',
  stat: 'safe',
  deletefile: 'never',
  renamefile: 'never',
  copyfile: 'never',
  checksumfile: 'safe',
  getfilelink: 'safe',
  // Overwriting keeps the fileid, so a repeated upload with the same bytes lands in the same place.
  uploadfile: 'body',
  upload_create: 'never',
  // Writing the same bytes at the same offset twice leaves the same upload.
  upload_write: 'body',
  upload_info: 'safe',
  upload_save: 'never',
  upload_delete: 'never',
  collection_list: 'safe',
  collection_details: 'safe',
  collection_create: 'never',
  collection_rename: 'safe',
  collection_delete: 'never',
  collection_linkfiles: 'never',
  collection_unlinkfiles: 'never',
  collection_move: 'never',
  // pCloud may make a second link when the first answer was lost: a public link nobody knows of.
  getfilepublink: 'never',
  getfolderpublink: 'never',
  listpublinks: 'safe',
  changepublink: 'safe',
  deletepublink: 'never',
  showpublink: 'safe',
  // Each call counts a download against the link's limit.
  getpublinkdownload: 'never',
};

/** The retry class of a method name; unknown names are never retried. */
export function methodRetryKind(method: string): RetryPolicyKind {
  return (METHOD_RETRY as Record<string, RetryPolicyKind | undefined>)[method] ?? 'never';
}
