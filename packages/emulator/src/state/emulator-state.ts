/**
 * Everything the emulator knows, composed from one store per concern. Front ends and method
 * handlers reach all state through this object.
 */
import { Faults, type FaultOptions } from '../faults.js';
import type { BlobStore } from './blob-store.js';
import { CollectionStore } from './collection-store.js';
import type { ExtraDigest } from './content-hasher.js';
import { DownloadLinks } from './download-links.js';
import type { Caller } from './identity-types.js';
import { IdentityStore, type IdentityStoreOptions } from './identity-store.js';
import { MemoryBlobStore } from './memory-blob-store.js';
import { PublicLinks, type PublicLinkLimits } from './public-links.js';
import { TreeStore } from './tree-store.js';
import { TreeView } from './tree-view.js';
import { UploadProgressTable } from './upload-progress.js';
import { UploadSessions, type UploadSessionLimits } from './upload-sessions.js';

/** Options of {@link EmulatorState}. */
export interface EmulatorStateOptions {
  /** 1 = US, 2 = EU (default). */
  locationid?: 1 | 2;
  /** Legacy mode: restrictions of pCloud 2026 off (default false). */
  legacy?: boolean;
  /**
   * A keep-alive connection that logged in stays logged in for later requests without credentials
   * (pcloud-api.md §1.2). Off by default: pooled test clients (fetch) share connections across tokens.
   */
  stickyAuth?: boolean;
  /** Content store (default: memory). */
  blobs?: BlobStore;
  faults?: FaultOptions;
  /** Identity seed and limits, passed to the identity store. */
  identity?: Pick<IdentityStoreOptions, 'seed' | 'loginLimit'>;
  /** Current Unix seconds (tests inject a clock). */
  clock?: () => number;
  /** Idle lifetime and per-account cap of resumable upload sessions. */
  uploadSessions?: UploadSessionLimits;
  /** Public links an account may hold. */
  publicLinks?: PublicLinkLimits;
}

/** The emulator's whole state. Each store is owned by one file under `state/`. */
export class EmulatorState {
  readonly locationid: 1 | 2;
  /** pCloud 2026 restrictions (§7.6) apply unless in legacy mode. */
  readonly restricted: boolean;
  readonly stickyAuth: boolean;
  readonly identity: IdentityStore;
  readonly files: TreeStore;
  readonly collections = new CollectionStore();
  readonly links: DownloadLinks;
  /** Public links (getfilepublink and friends). */
  readonly publinks: PublicLinks;
  readonly uploads: UploadSessions;
  /** `uploadfile` requests observed through a `progresshash`. */
  readonly uploadProgress: UploadProgressTable;
  readonly faults: Faults;
  readonly clock: () => number;
  /** `host:port` of the download host, as getfilelink reports it (set once it listens). */
  downloadHost = '';
  /** `host:port` of the API listener (getapiserver, currentserver). */
  apiHost = '';
  /** Scheme of the API and download listeners, for the absolute URLs answers carry (public links). */
  scheme: 'http' | 'https' = 'http';

  constructor(options: EmulatorStateOptions = {}) {
    this.locationid = options.locationid ?? 2;
    this.restricted = !(options.legacy ?? false);
    this.stickyAuth = options.stickyAuth ?? false;
    this.clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
    this.faults = new Faults(options.faults);
    this.files = new TreeStore(options.blobs ?? new MemoryBlobStore(), this.clock);
    this.links = new DownloadLinks(this.clock);
    this.publinks = new PublicLinks(options.publicLinks);
    this.uploads = new UploadSessions(this.files.blobs, this.clock, options.uploadSessions);
    this.uploadProgress = new UploadProgressTable(this.clock);
    this.identity = new IdentityStore({
      locationid: this.locationid,
      legacy: options.legacy ?? false,
      clock: this.clock,
      ...options.identity,
      // Private-folder apps get `/Applications/<name>` in the tree of the account that granted them.
      resolveAppFolder: (appName, userid) => this.files.ensureFolderPath(userid, `/Applications/${appName}`).id,
    });
  }

  /** Current Unix seconds. */
  now(): number {
    return this.clock();
  }

  /** The caller's scoped view of its account's tree. */
  view(caller: Caller): TreeView {
    return new TreeView(this.files.tree(caller.account.userid), caller.scope);
  }

  /** The checksum an account's region reports beside sha1: md5 in the US, sha256 in the EU (§4.8). */
  extraDigest(caller: Caller): ExtraDigest {
    return caller.account.locationid === 1 ? 'md5' : 'sha256';
  }
}
