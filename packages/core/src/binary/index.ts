/**
 * pCloud's binary protocol (pcloud-api.md §9): a pure codec shared by the client's binary
 * transport and the emulator's binary listener. No I/O here.
 */
export * from './value-types.js';
export * from './encode-request.js';
export * from './decode-request.js';
export * from './encode-response.js';
export * from './decode-response.js';
export type { DecoderEvent } from './frame-decoder.js';
