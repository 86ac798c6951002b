/** Options of {@link createEmulator} and what it resolves to. */
import type { Dispatcher } from './api/dispatcher.js';
import type { FaultOptions, Faults } from './faults.js';
import type { EmulatorState } from './state/emulator-state.js';
import type { IdentitySeedOptions, SeededIdentity } from './state/identity-seed.js';
import type { PublicLinkLimits } from './state/public-links.js';
import type { UploadSessionLimits } from './state/upload-sessions.js';

/** Options of {@link createEmulator}; every one has a loopback-safe default. */
export interface EmulatorOptions {
  /** Interface to listen on (default `127.0.0.1`; never all interfaces unless asked). */
  host?: string;
  /** API port (default 0: a free port). */
  port?: number;
  /** Download host port (default 0). */
  downloadPort?: number;
  /** Binary-protocol port (default 0): the TLS listener when `tls` is on, else the plain one. */
  binaryPort?: number;
  /** Plain-TCP binary-protocol port (default 0); without TLS, `binaryPort` wins when both are set. */
  binaryPlainPort?: number;
  /** Binary answers in the long form (type-3 strings, type-15 integers) to exercise client decoders. */
  binaryLongForm?: boolean;
  /** Persist metadata and content here; state survives a restart. Default: memory only. */
  dataDir?: string;
  /**
   * Serve HTTPS on the API and download listeners, and TLS on a binary listener beside the plain
   * one: `true` makes a throwaway CA and certificate.
   */
  tls?: boolean | { key: string; cert: string; ca?: string };
  /** Region of the emulated server and its accounts (default `eu`). */
  region?: 'eu' | 'us';
  /** Legacy mode: pCloud's 2026 restrictions off (auth tokens, digest login, collections for OAuth). */
  legacy?: boolean;
  faults?: FaultOptions;
  /** Keep-alive connections stay logged in for requests without credentials (pcloud-api.md §1.2); default off. */
  stickyAuth?: boolean;
  /** Seeded account and tokens. */
  seed?: IdentitySeedOptions;
  /** Current Unix seconds (tests inject a clock). */
  clock?: () => number;
  /** Close a connection (any listener) on which nothing moved for this long; default 60 s. */
  idleTimeoutMs?: number;
  /** Resumable upload sessions: idle lifetime (default one day) and open sessions per account (default 100). */
  uploadSessions?: UploadSessionLimits;
  /** Public links an account may hold, tombstones of deleted ones included (default 1000). */
  publicLinks?: PublicLinkLimits;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL of the JSON API, e.g. `http://127.0.0.1:41234`. */
  apiUrl: string;
  /** `host:port` of the download host, as getfilelink's `hosts` names it. */
  downloadHost: string;
  /** Base URL of the download host (scheme included). */
  downloadUrl: string;
  /** Binary-protocol port: the TLS listener when TLS is on, else the plain one. */
  binaryPort: number;
  /** Plain-TCP binary-protocol port. */
  binaryPlainPort: number;
  /** CA certificate (PEM) clients must trust, when TLS is on. */
  ca?: string;
  /** A ready OAuth access token of the seeded account. */
  token: string;
  /** The seeded account's credentials. */
  seeded: SeededIdentity;
  state: EmulatorState;
  /** Live fault settings (`faults.set({...})` changes them at run time). */
  faults: Faults;
  /** The transport-neutral dispatcher the HTTP and binary front ends share (a further front end can serve it too). */
  dispatcher: Dispatcher;
  /** Creates a file in the seeded account (parents as needed); returns its fileid. */
  seedFile(path: string, content: Buffer | string, mtime?: number): Promise<number>;
  /** Creates a folder path in the seeded account; returns its folderid. */
  seedFolder(path: string): number;
  /** Stops every listener (and saves the state when persistent). */
  close(): Promise<void>;
}
