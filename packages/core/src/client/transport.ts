/**
 * The narrow seam between the client and a wire protocol. HTTP (over got) and the binary protocol
 * both implement {@link Transport}: send one method call with its parameters and an optional
 * body, hand back the decoded answer object (with its `result`). Checking `result`, retrying,
 * logging and error redaction happen once, in the client, for every transport.
 */
import type { Readable } from 'node:stream';
import type { LogKind } from './logger.js';
import type { ParamValue } from './method-table.js';

/** Parameters as a transport receives them: undefined entries are to be left out. */
export type WireParams = Readonly<Record<string, ParamValue | undefined>>;

/**
 * Where an upload body's bytes come from. A Readable's chunks are the consumer's to keep. An
 * async iterable's chunks are LENT: the source may reuse a chunk's memory (read-file-range.ts
 * does) as soon as the next chunk is asked for, so every consumer writes a chunk completely
 * (its write callback has run) before it pulls the next one.
 */
export type BodySource = Readable | AsyncIterable<Uint8Array>;

/** One file of an upload body. */
export interface BodyPart {
  /** File name sent with the part (multipart `filename=`). */
  name: string;
  /** Exact byte count: bodies always go with a real length, never chunked. */
  size: number;
  stream: BodySource;
  contentType?: string;
}

/**
 * An upload body: one payload (binary-protocol data, or one multipart file named by the
 * `filename` parameter over HTTP), or several file parts (HTTP multipart only).
 */
export type RequestBody = { kind: 'data'; stream: BodySource; length: number } | { kind: 'parts'; parts: readonly BodyPart[] };

/** Builds a fresh body for each attempt, which makes an upload safe to retry. */
export type BodyFactory = () => RequestBody | Promise<RequestBody>;

/** Upload progress of one attempt. */
export interface Progress {
  /** Body bytes sent so far. */
  transferred: number;
  /** Total body bytes, when known. */
  total: number | undefined;
}

/** Per-call options a transport honours. */
export interface TransportCallOptions {
  body?: RequestBody;
  /** Aborts the call; the transport rejects with a PCloudError coded `ABORTED`. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Overrides the idle timeout for this call (milliseconds), e.g. for a long server-side operation. */
  timeoutMs?: number;
}

/** The decoded answer: `result` plus the method's fields (64-bit values may be bigints). */
export type WireAnswer = Record<string, unknown> & { result?: unknown };

/**
 * A wire protocol. `call` rejects only with a TransportError (wire failure, timeout, HTTP
 * status without a pCloud answer) or an `ABORTED` PCloudError; API errors come back as answers.
 */
export interface Transport {
  /** `http` or `binary`, for log lines. */
  readonly kind: string;
  call(method: string, params: WireParams, options: TransportCallOptions): Promise<WireAnswer>;
  /** Releases sockets and agents. */
  close(): Promise<void>;
}

/** Credentials a transport attaches to every call. */
export type Credentials = { accessToken: string; auth?: never } | { auth: string; accessToken?: never } | Record<string, never>;

/** What a transport needs to know, resolved by createClient. */
export interface TransportSettings {
  /** API base URL (`https://eapi.pcloud.com`); a binary transport takes its host. */
  endpoint: URL;
  credentials: Credentials;
  /** Connect timeout in ms (`timeout` × 1000). */
  connectTimeoutMs: number;
  /** Idle timeout in ms (`timeout` × 5000). */
  idleTimeoutMs: number;
  /** Extra trusted CA certificates (PEM) for TLS. */
  ca?: string | Buffer | Array<string | Buffer>;
  userAgent: string;
  /** Receives redacted debug lines. */
  log: (line: string, kind?: LogKind) => void;
  /** Port of the binary protocol (`binary-api-port`, 8399 TLS by default). */
  binaryPort?: number;
  /** Binary protocol without TLS (port 8398 style). */
  binaryPlain?: boolean;
  /** The largest answer an HTTP transport reads, in bytes (default MAX_ANSWER_BYTES, 512 MiB). */
  maxAnswerBytes?: number;
}

/** Builds a transport from resolved settings. */
export type TransportFactory = (settings: TransportSettings) => Transport;
