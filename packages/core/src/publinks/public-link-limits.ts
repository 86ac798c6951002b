/**
 * The limits a public link may carry, checked before anything is sent and turned into pCloud's
 * parameters (docs.pcloud.com public_links/getfilepublink, changepublink).
 */
import { PCloudError } from '../errors.js';

/** Limits of a public link. */
export interface PublicLinkLimits {
  /** When the link stops working: a Date or Unix seconds. */
  expire?: Date | number;
  /** Downloads it allows (a folder link counts its files' downloads together). */
  maxDownloads?: number;
  /** Bytes it may send; a download under way is not cut. */
  maxTraffic?: number;
}

/** pCloud's parameters for the limits given. */
export interface LimitParams {
  expire?: number;
  maxdownloads?: number;
  maxtraffic?: number;
}

/** Unix seconds of an expiry; USAGE_ERROR for an invalid date. */
export function expireSeconds(expire: Date | number): number {
  const seconds = expire instanceof Date ? Math.floor(expire.getTime() / 1000) : expire;
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new PCloudError('USAGE_ERROR', `Invalid link expiry: ${String(expire)}.`);
  return seconds;
}

/** A positive whole count; USAGE_ERROR naming the option otherwise. */
export function positiveCount(value: number, option: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new PCloudError('USAGE_ERROR', `Invalid ${option}: ${value} (expected a whole number of at least 1).`);
  return value;
}

/** The parameters of the limits given (none for an empty object). */
export function limitParams(limits: PublicLinkLimits): LimitParams {
  const params: LimitParams = {};
  if (limits.expire !== undefined) params.expire = expireSeconds(limits.expire);
  if (limits.maxDownloads !== undefined) params.maxdownloads = positiveCount(limits.maxDownloads, 'maximum downloads');
  if (limits.maxTraffic !== undefined) params.maxtraffic = positiveCount(limits.maxTraffic, 'maximum traffic');
  return params;
}
