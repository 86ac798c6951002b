/**
 * Every method the emulator answers, by name. Each handler file under `methods/` exports one
 * {@link MethodSpec} per method; this list is the only place they are registered.
 */
import { checksumfile } from '../methods/checksum-file.js';
import { collectionLinkfiles, collectionMove, collectionUnlinkfiles } from '../methods/collection-items.js';
import { collectionCreate, collectionDelete, collectionDetails, collectionList, collectionRename } from '../methods/collections.js';
import { createfolder, createfolderifnotexists } from '../methods/create-folder.js';
import { deletefile } from '../methods/delete-file.js';
import { deletefolder, deletefolderrecursive } from '../methods/delete-folder.js';
import { fileChecksum } from '../methods/fd-checksum.js';
import { filePread, filePwrite, fileRead, fileSeek, fileSize, fileTruncate, fileWrite } from '../methods/fd-io.js';
import { fileClose, fileOpen } from '../methods/fd-open-close.js';
import { getdigest } from '../methods/getdigest.js';
import { getfilelink } from '../methods/getfilelink.js';
import { listfolder } from '../methods/listfolder.js';
import { oauth2Token } from '../methods/oauth2-token.js';
import { getpublinkdownload, showpublink } from '../methods/publink-access.js';
import { getfilepublink, getfolderpublink } from '../methods/publink-create.js';
import { changepublink, deletepublink, listpublinks } from '../methods/publinks.js';
import { copyfile, renamefile } from '../methods/rename-copy-file.js';
import { copyfolder, renamefolder } from '../methods/rename-copy-folder.js';
import { uploadCreate, uploadDelete, uploadInfo, uploadSave, uploadWrite } from '../methods/resumable-upload.js';
import { currentserver, getapiserver, getip } from '../methods/server-methods.js';
import { stat } from '../methods/stat.js';
import { deletetoken, listtokens, logout } from '../methods/tokens.js';
import { uploadfile } from '../methods/uploadfile.js';
import { uploadprogress } from '../methods/uploadprogress.js';
import { userinfo } from '../methods/userinfo.js';
import type { MethodSpec } from './types.js';

/**
 * In the order of pcloud-api.md: server (§1.5), folders (§3), files (§4), collections (§5), then
 * public links (not in the spec: SPEC-NOTES.md), account and tokens (§6), OAuth (§7).
 */
const METHODS: readonly MethodSpec[] = [
  getapiserver,
  currentserver,
  getip,
  listfolder,
  createfolder,
  createfolderifnotexists,
  renamefolder,
  deletefolder,
  deletefolderrecursive,
  copyfolder,
  uploadfile,
  uploadCreate,
  uploadWrite,
  uploadInfo,
  uploadSave,
  uploadDelete,
  uploadprogress,
  stat,
  deletefile,
  renamefile,
  copyfile,
  checksumfile,
  getfilelink,
  fileOpen,
  fileWrite,
  filePwrite,
  fileRead,
  filePread,
  fileSeek,
  fileSize,
  fileTruncate,
  fileChecksum,
  fileClose,
  collectionList,
  collectionDetails,
  collectionCreate,
  collectionRename,
  collectionDelete,
  collectionLinkfiles,
  collectionUnlinkfiles,
  collectionMove,
  getfilepublink,
  getfolderpublink,
  listpublinks,
  changepublink,
  deletepublink,
  showpublink,
  getpublinkdownload,
  userinfo,
  getdigest,
  logout,
  listtokens,
  deletetoken,
  oauth2Token,
];

/** Builds the name → spec table the dispatcher serves. */
export function createMethodTable(): Map<string, MethodSpec> {
  return new Map(METHODS.map((spec) => [spec.name, spec]));
}
