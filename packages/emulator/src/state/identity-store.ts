/**
 * Accounts, OAuth apps and tokens of the emulator, and the credential check the dispatcher
 * runs before a method (pcloud-api.md §1.3, §6, §7).
 */
import { randomBytes } from 'node:crypto';
import { seedIdentity, type IdentitySeedOptions, type SeededIdentity } from './identity-seed.js';
import type { Account, AccessScope, OAuthApp, Token } from './identity-types.js';
import { LoginGuard, type InlinePassword, type LoginGuardOptions } from './login-guard.js';
import { OAuthGrants } from './oauth-grants.js';

/** Credentials as a request carries them (any of them may be absent). */
export interface Credentials extends InlinePassword {
  accessToken?: string;
  auth?: string;
  /** Inline login (legacy mode only): `username` plus a password form (§1.8). */
  username?: string;
  /** Lifetimes (seconds) and device of the session an inline login creates (§6.4). */
  authexpire?: number;
  authinactiveexpire?: number;
  device?: string;
  /** Caller's address, for the failed-login limit (4000). */
  remoteAddress?: string;
}

/** Outcome of a credential check: a token, or the pCloud result code that refuses it. */
export type CredentialCheck = { ok: true; token: Token; account: Account } | { ok: false; result: 1000 | 2000 | 2094 | 4000 };

export interface IdentityStoreOptions {
  locationid: 1 | 2;
  /** Legacy mode: `auth` tokens and inline logins work (default false: pCloud since April 2026). */
  legacy?: boolean;
  /** Real folder id of `/Applications/<appName>` in the account's tree, created when missing (private-folder apps). */
  resolveAppFolder?: (appName: string, userid: number) => number;
  seed?: IdentitySeedOptions;
  loginLimit?: LoginGuardOptions;
  /** Current Unix seconds (tests inject a clock to reach expiry without waiting). */
  clock?: () => number;
}

export interface IssueTokenInit {
  device: string;
  now: number;
  clientId?: string;
  scope?: AccessScope;
  /** Value to use instead of a random one. */
  value?: string;
  /** `auth` tokens: absolute and inactivity lifetimes in seconds (defaults 1 year / 31 days, §6.4). */
  expiresIn?: number;
  inactiveExpiresIn?: number;
}

// Defaults and maxima of authexpire / authinactiveexpire (§6.4, §12 item 11).
const AUTH_EXPIRE = { fallback: 31_536_000, max: 63_072_000 };
const AUTH_INACTIVE = { fallback: 2_678_400, max: 5_356_800 };
/** Marks a private-folder scope whose folder is resolved (and created) on first use. */
const UNRESOLVED_FOLDER = -1;

const lifetime = (asked: number | undefined, rule: { fallback: number; max: number }): number =>
  asked !== undefined && asked > 0 ? Math.min(asked, rule.max) : rule.fallback;

/** What `--data-dir` persistence saves of the identities: every token, so sessions survive a restart. */
export interface IdentitySnapshot {
  tokens: Token[];
  nextTokenId: number;
  seeded: SeededIdentity;
  foreignRegionTokens: string[];
}

/** Holds identities; the seeded account with a ready OAuth token exists from the start. */
export class IdentityStore {
  readonly accounts = new Map<number, Account>();
  readonly tokens = new Map<number, Token>();
  readonly oauth: OAuthGrants;
  readonly logins: LoginGuard;
  readonly legacy: boolean;
  readonly locationid: 1 | 2;
  readonly clock: () => number;
  readonly seeded: SeededIdentity;
  private readonly foreign = new Set<string>();
  private nextTokenId = 1000;
  /** Called after tokens are issued or revoked (persistence schedules a save). */
  onChange: () => void = () => undefined;

  constructor(private readonly options: IdentityStoreOptions) {
    this.locationid = options.locationid;
    this.legacy = options.legacy ?? false;
    this.clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
    this.logins = new LoginGuard(options.loginLimit);
    this.oauth = new OAuthGrants((app, userid, now) => this.issueAppToken(app, userid, now));
    this.seeded = seedIdentity(this, options.seed ?? {}, this.clock());
  }

  /** Tokens and seeded values as plain data (codes and digests are short-lived and not kept). */
  snapshot(): IdentitySnapshot {
    return {
      tokens: [...this.tokens.values()],
      nextTokenId: this.nextTokenId,
      seeded: { ...this.seeded },
      foreignRegionTokens: [...this.foreign],
    };
  }

  /** Replaces the tokens with a snapshot's, and the seeded values with the ones clients were given before. */
  restore(snapshot: IdentitySnapshot): void {
    this.tokens.clear();
    for (const token of snapshot.tokens) this.tokens.set(token.tokenid, token);
    this.nextTokenId = snapshot.nextTokenId;
    Object.assign(this.seeded, snapshot.seeded);
    for (const value of snapshot.foreignRegionTokens) this.foreign.add(value);
  }

  /** Registered apps by client id. */
  get apps(): ReadonlyMap<string, OAuthApp> {
    return this.oauth.apps;
  }

  /** Creates an account. */
  addAccount(account: Omit<Account, 'locationid'> & { locationid?: 1 | 2 }): Account {
    const full: Account = { ...account, locationid: account.locationid ?? this.options.locationid };
    this.accounts.set(full.userid, full);
    return full;
  }

  /** Issues a new token for an account and returns it (the value is random, 40 characters). */
  issueToken(userid: number, kind: Token['kind'], init: IssueTokenInit): Token {
    const inactive = kind === 'oauth' ? 0 : lifetime(init.inactiveExpiresIn, AUTH_INACTIVE);
    const token: Token = {
      tokenid: this.nextTokenId++,
      value: init.value ?? randomBytes(30).toString('base64url'),
      kind,
      userid,
      device: init.device,
      clientId: init.clientId,
      created: init.now,
      expires: kind === 'oauth' ? 0 : init.now + lifetime(init.expiresIn, AUTH_EXPIRE),
      expiresInactive: kind === 'oauth' ? 0 : init.now + inactive,
      inactiveLifetime: inactive,
      scope: init.scope ?? { kind: 'all' },
    };
    this.tokens.set(token.tokenid, token);
    this.onChange();
    return token;
  }

  /** Issues an OAuth access token for an app; a private-folder app gets its folder as scope. */
  issueAppToken(app: OAuthApp, userid: number, now: number, value?: string): Token {
    const scope: AccessScope =
      app.folderAccess === 'private' ? { kind: 'folder', rootFolderId: UNRESOLVED_FOLDER, appName: app.name } : { kind: 'all' };
    return this.issueToken(userid, 'oauth', { device: app.name, clientId: app.clientId, scope, now, value });
  }

  /** Records a token value of the other region (random when not given) and returns it. */
  addForeignRegionToken(value: string = randomBytes(30).toString('base64url')): string {
    this.foreign.add(value);
    this.onChange();
    return value;
  }

  /** The account's live tokens, `auth` sessions and OAuth grants alike (what `listtokens` shows). */
  sessions(userid: number, now: number): Token[] {
    return [...this.tokens.values()].filter((t) => t.userid === userid && this.alive(t, now));
  }

  /** Ends a token (logout / deletetoken); false when it did not exist. */
  revoke(tokenid: number): boolean {
    const existed = this.tokens.delete(tokenid);
    if (existed) this.onChange();
    return existed;
  }

  /**
   * Checks credentials: 1000 when none, 2094 for an unknown or foreign access token, 2000 for a
   * bad, expired or (outside legacy mode) any `auth` token or inline login, 4000 when rate-limited.
   */
  check(credentials: Credentials, now: number): CredentialCheck {
    if (credentials.accessToken !== undefined) {
      const token = this.foreign.has(credentials.accessToken) ? undefined : this.findByValue(credentials.accessToken, 'oauth');
      return token ? this.accept(token, now) : { ok: false, result: 2094 };
    }
    if (credentials.auth !== undefined) {
      const token = this.legacy ? this.findByValue(credentials.auth, 'auth') : undefined;
      return token && this.alive(token, now) ? this.accept(token, now) : { ok: false, result: 2000 };
    }
    if (credentials.username !== undefined) return this.login(credentials, credentials.username, now);
    return { ok: false, result: 1000 };
  }

  private login(credentials: Credentials, username: string, now: number): CredentialCheck {
    const address = credentials.remoteAddress ?? '';
    if (this.logins.isBlocked(address, now)) return { ok: false, result: 4000 };
    const account = [...this.accounts.values()].find((a) => a.email.toLowerCase() === username.toLowerCase());
    if (!this.legacy || !account || !this.logins.passwordMatches(account, username, credentials, now)) {
      this.logins.recordFailure(address, now);
      return { ok: false, result: 2000 };
    }
    const token = this.issueToken(account.userid, 'auth', {
      device: credentials.device ?? 'API login',
      now,
      expiresIn: credentials.authexpire,
      inactiveExpiresIn: credentials.authinactiveexpire,
    });
    return { ok: true, token, account };
  }

  private alive(token: Token, now: number): boolean {
    return token.kind === 'oauth' || (token.expires >= now && token.expiresInactive >= now);
  }

  private accept(token: Token, now: number): CredentialCheck {
    const account = this.accounts.get(token.userid);
    if (!account) return { ok: false, result: token.kind === 'oauth' ? 2094 : 2000 };
    if (token.kind === 'auth') token.expiresInactive = Math.min(token.expires, now + token.inactiveLifetime);
    if (token.scope.kind === 'folder' && token.scope.rootFolderId === UNRESOLVED_FOLDER && this.options.resolveAppFolder) {
      token.scope = { ...token.scope, rootFolderId: this.options.resolveAppFolder(token.scope.appName, token.userid) };
    }
    return { ok: true, token, account };
  }

  private findByValue(value: string, kind: Token['kind']): Token | undefined {
    for (const token of this.tokens.values()) if (token.value === value && token.kind === kind) return token;
    return undefined;
  }
}
