/**
 * @pcloud/core — the pCloud API client library.
 * Library users import from here; CLI plumbing (yargs) lives behind `@pcloud/core/cli`.
 */
export * from './errors.js';
export * from './result-codes.js';
export * from './redact.js';
export * from './json.js';
export * from './date-format.js';
