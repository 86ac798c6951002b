/**
 * Accounts, OAuth apps and tokens of the emulator, and the credential check every front end
 * runs before a method (pcloud-api.md §1.3, §6, §7).
 */
import { randomBytes } from 'node:crypto';
import type { Account, AccessScope, OAuthApp, Token } from './identity-types.js';

/** Credentials as a request carries them (any of them may be absent). */
export interface Credentials {
  accessToken?: string;
  auth?: string;
}

/** Outcome of a credential check: a token, or the pCloud result code that refuses it. */
export type CredentialCheck = { ok: true; token: Token; account: Account } | { ok: false; result: 1000 | 2000 | 2094 };

export interface IdentityStoreOptions {
  locationid: 1 | 2;
}

/** Holds identities; one seeded account with a ready OAuth token exists from the start. */
export class IdentityStore {
  readonly accounts = new Map<number, Account>();
  readonly apps = new Map<string, OAuthApp>();
  readonly tokens = new Map<number, Token>();
  private nextTokenId = 1000;

  constructor(private readonly options: IdentityStoreOptions) {}

  /** Creates an account. */
  addAccount(account: Omit<Account, 'locationid'> & { locationid?: 1 | 2 }): Account {
    const full: Account = { ...account, locationid: account.locationid ?? this.options.locationid };
    this.accounts.set(full.userid, full);
    return full;
  }

  /** Issues a new token for an account and returns it (the value is random, 40+ characters). */
  issueToken(userid: number, kind: Token['kind'], init: { device: string; clientId?: string; scope?: AccessScope; now: number }): Token {
    const token: Token = {
      tokenid: this.nextTokenId++,
      value: randomBytes(30).toString('base64url'),
      kind,
      userid,
      device: init.device,
      clientId: init.clientId,
      created: init.now,
      expires: kind === 'oauth' ? 0 : init.now + 31_536_000,
      expiresInactive: kind === 'oauth' ? 0 : init.now + 2_678_400,
      scope: init.scope ?? { kind: 'all' },
    };
    this.tokens.set(token.tokenid, token);
    return token;
  }

  /** Checks credentials: 1000 when none, 2094 for an unknown access token, 2000 for a bad `auth`. */
  check(credentials: Credentials, now: number): CredentialCheck {
    if (credentials.accessToken !== undefined) {
      const token = this.findByValue(credentials.accessToken, 'oauth');
      return token ? this.accept(token) : { ok: false, result: 2094 };
    }
    if (credentials.auth !== undefined) {
      const token = this.findByValue(credentials.auth, 'auth');
      if (!token || (token.expires !== 0 && token.expires < now)) return { ok: false, result: 2000 };
      return this.accept(token);
    }
    return { ok: false, result: 1000 };
  }

  private accept(token: Token): CredentialCheck {
    const account = this.accounts.get(token.userid);
    return account ? { ok: true, token, account } : { ok: false, result: 2000 };
  }

  private findByValue(value: string, kind: Token['kind']): Token | undefined {
    for (const token of this.tokens.values()) if (token.value === value && token.kind === kind) return token;
    return undefined;
  }
}
