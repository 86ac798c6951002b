/**
 * A public link as the server hands it out is untrusted: its URL is printed to users and opened
 * by them, so it must be a plain http(s) URL without control characters or spaces, and its id and
 * code must have the types the toolkit relies on.
 */
import type { PublicLinkCodes } from '../client/types.js';
import { PCloudError } from '../errors.js';
import { escapeControl } from '../escape-control.js';

function protocolError(method: string, what: string, value: unknown): PCloudError {
  return new PCloudError('PROTOCOL_ERROR', `${method}: the answer's ${what} is not valid: ${escapeControl(String(value).slice(0, 200))}`);
}

/** The URL unchanged when it is a plain http(s) URL; PROTOCOL_ERROR naming the method otherwise. */
export function checkedLinkUrl(value: unknown, method: string): string {
  const text = typeof value === 'string' ? value : '';
  let url: URL | undefined;
  try {
    url = /^[\x21-\x7e]+$/.test(text) ? new URL(text) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw protocolError(method, 'link', value);
  return text;
}

/** `linkid`, `link` and `code` of a create answer, checked (the short pair is dropped: the toolkit never asks for it). */
export function checkedCodes(answer: PublicLinkCodes, method: string): PublicLinkCodes {
  if (!Number.isSafeInteger(answer.linkid)) throw protocolError(method, 'linkid', answer.linkid);
  if (typeof answer.code !== 'string' || !/^[A-Za-z0-9]+$/.test(answer.code)) throw protocolError(method, 'code', answer.code);
  return { linkid: answer.linkid, link: checkedLinkUrl(answer.link, method), code: answer.code };
}
