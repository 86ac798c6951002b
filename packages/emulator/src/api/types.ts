/**
 * The contract between the emulator's front ends (HTTP, binary) and its method handlers.
 * Method semantics live once, in `methods/*.ts`; a front end only turns its wire format into a
 * {@link MethodCall} and the {@link MethodResult} back into its wire format.
 */
import type { Readable } from 'node:stream';
import type { EmulatorState } from '../state/emulator-state.js';
import type { DescriptorTable } from '../state/descriptors.js';
import type { Caller } from '../state/identity-types.js';

/** Parameters of one call, every value as the string the client sent (binary numbers/bools are stringified). */
export type CallParams = ReadonlyMap<string, string>;

/** One file carried by a call: a multipart part, a PUT/POST body, or binary-protocol data. */
export interface IncomingFile {
  /** Name from the part's `filename=`, or undefined for a raw body (then the `filename` param names it). */
  filename: string | undefined;
  /** The bytes; a handler must consume or destroy it. */
  stream: Readable;
  /** Declared length when the transport knows it (Content-Length, binary data length). */
  length?: number;
}

/** Metadata fields to keep: for every object, for files only, for folders only. */
export interface MetadataFilters {
  all?: ReadonlySet<string>;
  file?: ReadonlySet<string>;
  folder?: ReadonlySet<string>;
}

/** State that lives as long as one connection (keep-alive HTTP or binary socket). */
export interface ConnectionState {
  /** Identity bound by a successful login on this connection (pcloud-api.md §1.2: later credentials are ignored). */
  boundCaller?: Caller;
  /** Sticky `filtermeta`, `filterfilemeta` and `filterfoldermeta` (§1.8). */
  filterMeta?: MetadataFilters;
  /** Remote address, for download-link IP binding and rate limiting. */
  remoteAddress: string;
  /**
   * Stay logged in after a successful login whatever the emulator's `stickyAuth` option: binary
   * sockets belong to one client, and pCloud's binary protocol authenticates once per connection (§9.1).
   */
  stickyAuth?: boolean;
  /** Open files of the fd API (§4.10): valid only on this connection. */
  descriptors?: DescriptorTable;
}

export interface MethodCall {
  method: string;
  params: CallParams;
  connection: ConnectionState;
  /** Files carried by the request, in order (uploadfile, upload_write). Empty when none. */
  files: AsyncIterable<IncomingFile>;
  /** Aborted when the client goes away mid-request. */
  signal: AbortSignal;
  /** Bytes the request body carries, when the transport announced them (Content-Length, binary data length). */
  bodyLength?: number;
}

/** What a handler returns: the JSON body (without `result`, which is 0) and optional raw data after it. */
export interface MethodResult {
  body: Record<string, unknown>;
  /** Raw bytes that follow the response (binary protocol `data`; HTTP raw answers such as file_read). */
  data?: { stream: Readable; length: number };
}

export interface MethodContext extends MethodCall {
  state: EmulatorState;
  /** Present when the method's spec says auth is required (the dispatcher resolved it). */
  caller: Caller | undefined;
}

export type MethodHandler = (ctx: MethodContext) => Promise<MethodResult> | MethodResult;

export interface MethodSpec {
  name: string;
  /** `required`: 1000 without credentials; `none`: never checked; `optional`: resolved when given. */
  auth: 'required' | 'none' | 'optional';
  /** In restriction mode (pCloud 2026), the result an OAuth token gets instead of running (§7.6). */
  refuseOAuth?: 1000 | 2003;
  handler: MethodHandler;
}
