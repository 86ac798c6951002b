/** pCloud's rules for file and folder names (pcloud-api.md §1.6). */
import { ApiFailure } from '../api/api-failure.js';

/** Longest name in UTF-8 bytes: names must be shorter than 1024 bytes. */
export const MAX_NAME_BYTES = 1023;

/** True when `name` is acceptable as a file or folder name. */
export function isValidName(name: string): boolean {
  if (name.length === 0 || name === '.' || name === '..') return false;
  if (/[/\\\u0000]/.test(name)) return false;
  // Lone surrogates cannot be written as UTF-8; they only come from broken input.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name)) return false;
  return Buffer.byteLength(name, 'utf8') <= MAX_NAME_BYTES;
}

/** Throws 2001 "Invalid file/folder name." unless `name` is acceptable. */
export function assertValidName(name: string): void {
  if (!isValidName(name)) throw new ApiFailure(2001);
}
