/** Every method the emulator answers, by name: the file methods here plus E2's identity methods. */
import { identityMethods } from '../methods/identity-methods.js';
import { createfolder, createfolderifnotexists } from '../methods/create-folder.js';
import { deletefolder, deletefolderrecursive } from '../methods/delete-folder.js';
import { checksumfile } from '../methods/checksum-file.js';
import { deletefile } from '../methods/delete-file.js';
import { getfilelink } from '../methods/getfilelink.js';
import { fileClose, fileOpen } from '../methods/fd-open-close.js';
import { fileChecksum } from '../methods/fd-checksum.js';
import { filePread, filePwrite, fileRead, fileSeek, fileSize, fileTruncate, fileWrite } from '../methods/fd-io.js';
import { listfolder } from '../methods/listfolder.js';
import { copyfile, renamefile } from '../methods/rename-copy-file.js';
import { copyfolder, renamefolder } from '../methods/rename-copy-folder.js';
import { uploadCreate, uploadDelete, uploadInfo, uploadSave, uploadWrite } from '../methods/resumable-upload.js';
import { currentserver, getapiserver, getip } from '../methods/server-methods.js';
import { stat } from '../methods/stat.js';
import { uploadfile } from '../methods/uploadfile.js';
import { uploadprogress } from '../methods/uploadprogress.js';
import type { MethodSpec } from './types.js';

const fileMethods: MethodSpec[] = [
  getapiserver,
  currentserver,
  getip,
  listfolder,
  createfolder,
  createfolderifnotexists,
  deletefolder,
  deletefolderrecursive,
  renamefolder,
  copyfolder,
  stat,
  deletefile,
  renamefile,
  copyfile,
  checksumfile,
  getfilelink,
  uploadfile,
  uploadprogress,
  uploadCreate,
  uploadWrite,
  uploadInfo,
  uploadSave,
  uploadDelete,
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
];

/** Builds the name → spec table (identity methods are registered by E2 in identity-methods.ts). */
export function createMethodTable(): Map<string, MethodSpec> {
  return new Map([...fileMethods, ...identityMethods].map((spec) => [spec.name, spec]));
}
