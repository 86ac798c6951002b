/**
 * The pieces of a legacy inline login that are not about tokens: `getdigest` digests (valid
 * 30 seconds), the password checks of every inline form, and the failed-login rate limit that
 * answers 4000 (pcloud-api.md §6.2).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Account } from './identity-types.js';

/** Inline login parameters (§1.8): a password in one of its three forms. */
export interface InlinePassword {
  password?: string;
  passwordmd5?: string;
  digest?: string;
  passworddigest?: string;
}

export interface LoginGuardOptions {
  /** Failed logins from one address within `windowSeconds` before 4000 (default 5). */
  maxFailures?: number;
  /** Default 60. */
  windowSeconds?: number;
}

const DIGEST_LIFETIME = 30;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const hex = (algorithm: 'sha1' | 'md5', text: string): string => createHash(algorithm).update(text, 'utf8').digest('hex');

/** `sha1(password + sha1(lowercase(username)) + digest)`, all lowercase hex (§6.2). */
export function passwordDigest(username: string, password: string, digest: string): string {
  return hex('sha1', password + hex('sha1', username.toLowerCase()) + digest);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Digests, password checks and the failed-login counter per remote address. */
export class LoginGuard {
  private readonly digests = new Map<string, number>();
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowSeconds: number;

  constructor(options: LoginGuardOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowSeconds = options.windowSeconds ?? 60;
  }

  /** Issues a digest for `getdigest`: 41 random letters and digits, valid 30 seconds. */
  issueDigest(now: number): { digest: string; expires: number } {
    for (const [value, expires] of this.digests) if (expires < now) this.digests.delete(value);
    const bytes = randomBytes(41);
    const digest = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
    const expires = now + DIGEST_LIFETIME;
    this.digests.set(digest, expires);
    return { digest, expires };
  }

  /** Whether the password given in any inline form matches the account's. */
  passwordMatches(account: Account, username: string, given: InlinePassword, now: number): boolean {
    if (given.passworddigest !== undefined) {
      const expires = given.digest === undefined ? undefined : this.digests.get(given.digest);
      if (given.digest === undefined || expires === undefined || expires < now) return false;
      return sameText(given.passworddigest.toLowerCase(), passwordDigest(username, account.password, given.digest));
    }
    if (given.passwordmd5 !== undefined) return sameText(given.passwordmd5.toLowerCase(), hex('md5', account.password));
    if (given.password !== undefined) return sameText(given.password, account.password);
    return false;
  }

  /** Whether `address` has used up its failed logins for the current window. */
  isBlocked(address: string, now: number): boolean {
    return this.recentFailures(address, now).length >= this.maxFailures;
  }

  /** Counts one failed login from `address`. */
  recordFailure(address: string, now: number): void {
    const recent = this.recentFailures(address, now);
    recent.push(now);
    this.failures.set(address, recent);
  }

  private recentFailures(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => t > now - this.windowSeconds);
  }
}
