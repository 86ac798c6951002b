/**
 * @pcloud/core/internal — every module of core, for the toolkit's own packages (the tools, the
 * emulator, the tests): retry timing, secret registration, the file lock, playlists, token
 * management, the wire codecs and transports. No compatibility promise: scripts import the root.
 */
export * from './errors.js';
export * from './error-reason.js';
export * from './result-codes.js';
export * from './redact.js';
export * from './escape-control.js';
export * from './json.js';
export * from './date-format.js';
export * from './format-bytes.js';
export * from './client/types.js';
export * from './client/method-table.js';
export * from './client/transport.js';
export * from './client/region.js';
export * from './client/retry.js';
export * from './client/client-options.js';
export * from './client/create-client.js';
export { createHttpTransport } from './client/http-transport.js';
export { MAX_ANSWER_BYTES } from './client/answer-limit.js';
export { createBinaryTransport, BINARY_TLS_PORT, BINARY_PLAIN_PORT } from './binary/binary-transport.js';
export { isTransientError } from './client/transport-errors.js';
export * from './client/reachability.js';
export { unreachableReason, type UnreachableReason } from './client/unreachable-reason.js';
export * from './location/index.js';
export * from './local/index.js';
export * from './api/collections.js';
export * from './api/account.js';
export * from './api/oauth-refusal.js';
export * from './auth/authorize-url.js';
export * from './auth/redirect-result.js';
export * from './auth/loopback-listener.js';
export * from './auth/paste-code.js';
export * from './auth/open-browser.js';
export * from './auth/exchange-code.js';
export * from './auth/login-endpoint.js';
export * from './auth/trust-redirect.js';
export * from './auth/login.js';
export * from './config/index.js';
export * from './files/index.js';
export * from './publinks/index.js';
