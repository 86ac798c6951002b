/**
 * @pcloud/core — the pCloud API client library: what a script imports, by name. The README's
 * API section lists each item; test/api-surface.test.ts pins the list, so a change shows in review.
 * The toolkit's own plumbing lives behind `@pcloud/core/internal` and `@pcloud/core/cli`.
 */

// The client.
export { createClient, type CallArgs, type CallOptions, type PCloudClient } from './client/create-client.js';
export {
  DEFAULT_TIMEOUT,
  DEFAULT_USER_AGENT,
  type ClientOptions,
  type Logger,
  type LogKind,
  type TransportKind,
} from './client/client-options.js';
export { DEFAULT_RETRY, type RetryOptions } from './client/retry.js';
export { REGIONS, type RegionName } from './client/region.js';
export { createReachability, type Reachability, type ReachabilityOptions, type ReachabilityState } from './client/reachability.js';
export type {
  Destination,
  FileRef,
  FolderRef,
  GlobalParams,
  MethodName,
  MethodParams,
  MethodResult,
  MethodTable,
  NewItemRef,
  ParamValue,
  PublicLinkParams,
} from './client/method-table.js';
export type {
  BodyFactory,
  BodyPart,
  BodySource,
  Credentials,
  Progress,
  RequestBody,
  Transport,
  TransportCallOptions,
  TransportFactory,
  TransportSettings,
  WireAnswer,
  WireParams,
} from './client/transport.js';
export type {
  Checksums,
  Collection,
  FileMetadata,
  FolderMetadata,
  LinkResult,
  LocationId,
  Metadata,
  MetadataBase,
  PCloudDate,
  PublicLink,
  PublicLinkCodes,
  TokenInfo,
  UserInfo,
} from './client/types.js';
export { parsePCloudDate } from './date-format.js';

// Errors.
export {
  ApiError,
  isPCloudError,
  PCloudError,
  TransportError,
  type ApiErrorOptions,
  type PCloudErrorCode,
  type PCloudErrorOptions,
} from './errors.js';
export type { ErrorReason } from './error-reason.js';
export { Result } from './result-codes.js';

// Locations.
export { isRemoteSpec, parseLocation, parseRootRelativeLocation, type RemoteLocation } from './location/parse-location.js';
export {
  joinRemotePath,
  MAX_NAME_BYTES,
  normalizeRemotePath,
  remoteBasename,
  remoteDirname,
  remoteNameProblem,
  type NormalizedPath,
} from './location/remote-path.js';
export { hasTrailingSlash } from './location/trailing-slash.js';

// Login and the config file.
export { login, type LoginOptions, type LoginResult } from './auth/login.js';
export { openConfigStore, type ConfigStore, type ConfigStoreOptions } from './config/config-store.js';
export { CONFIG_FILE_NAME, resolveConfigPath, type ConfigPathOptions } from './config/config-path.js';
export type { PCloudConfig } from './config/config-schema.js';

// Files and folders.
export { stat, tryStat, type ItemRef } from './files/stat.js';
export { listFolder, type ListFolderOptions } from './files/list-folder.js';
export { walk, walkAll, type WalkOptions } from './files/walk.js';
export { walkTree, type WalkResult, type WalkTreeOptions } from './files/walk-tree.js';
export { treeEntries, type TreeEntry } from './files/tree-entries.js';
export { isNotFound } from './files/not-found.js';
export { createFolder } from './files/create-folder.js';
export { mkdirp, type MkdirpResult } from './files/mkdirp.js';
export { deleteFile } from './files/delete-file.js';
export { deleteFolder } from './files/delete-folder.js';
export { deleteTree, type DeleteTreeResult } from './files/delete-tree.js';
export { renameFile } from './files/rename-file.js';
export { renameFolder } from './files/rename-folder.js';
export { copyFile, type CopyFileOptions } from './files/copy-file.js';
export { copyFolder, type CopyFolderOptions } from './files/copy-folder.js';
export { checksumFile, type FileChecksums } from './files/checksum-file.js';
export { uploadFile, uploadStream, type UploadStreamOptions } from './files/upload/upload-file.js';
export type { UploadOptions, UploadResult, UploadTarget } from './files/upload/upload-types.js';
export { uploadBatch, type BatchFile, type BatchOptions, type BatchOutcome } from './files/upload/upload-batch.js';
export { downloadFile } from './files/download/download-file.js';
export { downloadToStream } from './files/download/download-stream.js';
export { endpointScheme, getDownloadLink, type DownloadLink, type DownloadScheme } from './files/download/download-link.js';
export type { DownloadOptions, DownloadResult } from './files/download/download-types.js';

// Public links.
export { changePublicLink, type PublicLinkChanges } from './publinks/change-public-link.js';
export { createFileLink, createFolderLink } from './publinks/create-public-link.js';
export { deletePublicLink } from './publinks/delete-public-link.js';
export { linksTo, listPublicLinks } from './publinks/list-public-links.js';
export type { PublicLinkLimits } from './publinks/public-link-limits.js';
