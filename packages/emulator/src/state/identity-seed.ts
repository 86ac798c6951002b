/**
 * What a fresh emulator knows before anyone signs up: one account with a password, two registered
 * apps (whole-account and private app folder), a ready OAuth token, and a few legacy sessions
 * with different devices and expiry dates, so token tools have something to list.
 */
import type { Account, OAuthApp, Token } from './identity-types.js';

/** Loopback redirect URIs on any port, as command-line clients use them. */
const LOOPBACK_REDIRECTS = ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*'];

/** The pre-registered whole-account app (fixed client id and secret: the emulator is a test fixture). */
export const DEMO_APP: Readonly<OAuthApp> = {
  clientId: 'pcloud-toolkit-demo',
  clientSecret: 'emulator-demo-secret',
  name: 'pCloud Toolkit Demo',
  redirectUris: LOOPBACK_REDIRECTS,
  folderAccess: 'all',
};

/** The pre-registered app restricted to its private folder `/Applications/Emulator Folder App`. */
export const FOLDER_APP: Readonly<OAuthApp> = {
  clientId: 'pcloud-folder-app',
  clientSecret: 'emulator-folder-secret',
  name: 'Emulator Folder App',
  redirectUris: LOOPBACK_REDIRECTS,
  folderAccess: 'private',
};

export interface IdentitySeedOptions {
  /** Default `demo@pcloud-emulator.test`. */
  email?: string;
  /** Default `emulator-password`. Only legacy mode accepts password logins. */
  password?: string;
  /** Value of the ready OAuth token (default: random). A recognisable value helps leak checks. */
  accessToken?: string;
  /** Token values of accounts in the other region: refused with 2094 (OAuth) or 2000 (`auth`). */
  foreignRegionTokens?: string[];
}

/** Credentials of the seeded account, for tests, scripts and the bin's `--json` line. */
export interface SeededIdentity {
  userid: number;
  email: string;
  password: string;
  /** Whole-account OAuth token of {@link DEMO_APP}. */
  accessToken: string;
  /** OAuth token of {@link FOLDER_APP}; its folder is created the first time the token is used. */
  appFolderAccessToken: string;
  /** A legacy `auth` session token (accepted in legacy mode only). */
  authToken: string;
  /** A token of an account of the other region (this emulator answers 2094). */
  foreignRegionToken: string;
}

/**
 * What seeding needs of the identity store. Declared here, not taken from identity-store.ts,
 * so that the store can run the seed without the seed importing the store back.
 */
export interface IdentitySeedTarget {
  addAccount(account: Omit<Account, 'locationid'>): Account;
  readonly oauth: { addApp(app: OAuthApp): OAuthApp };
  issueAppToken(app: OAuthApp, userid: number, now: number, value?: string): Token;
  issueToken(userid: number, kind: 'auth', init: { device: string; now: number; expiresIn: number; inactiveExpiresIn: number }): Token;
  addForeignRegionToken(value?: string): string;
}

const DAY = 86_400;
const SEEDED_USERID = 4_240_001;

/** Fills a fresh store with the seeded account, apps and tokens. */
export function seedIdentity(store: IdentitySeedTarget, options: IdentitySeedOptions, now: number): SeededIdentity {
  const account = store.addAccount({
    userid: SEEDED_USERID,
    email: options.email ?? 'demo@pcloud-emulator.test',
    password: options.password ?? 'emulator-password',
    quota: 10 * 1024 ** 3,
    premium: false,
    registered: now - 400 * DAY,
    emailverified: true,
    language: 'en',
  });
  const demo = store.oauth.addApp({ ...DEMO_APP, redirectUris: [...DEMO_APP.redirectUris] });
  const folder = store.oauth.addApp({ ...FOLDER_APP, redirectUris: [...FOLDER_APP.redirectUris] });
  const ready = store.issueAppToken(demo, account.userid, now, options.accessToken);
  const scoped = store.issueAppToken(folder, account.userid, now);
  // Legacy sessions with distinct devices and lifetimes (§6.3's listtokens rows).
  const sessions: Array<[string, number]> = [
    ['pcloud-toolkit (Linux x64)', 365 * DAY],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', 90 * DAY],
    ['pCloud Drive 4.0.2 (Windows 11)', 7 * DAY],
  ];
  const [first] = sessions.map(([device, lifetime]) =>
    store.issueToken(account.userid, 'auth', { device, now, expiresIn: lifetime, inactiveExpiresIn: Math.min(lifetime, 31 * DAY) }),
  );
  for (const value of options.foreignRegionTokens ?? []) store.addForeignRegionToken(value);
  const foreign = store.addForeignRegionToken();
  return {
    userid: account.userid,
    email: account.email,
    password: account.password,
    accessToken: ready.value,
    appFolderAccessToken: scoped.value,
    authToken: first?.value ?? '',
    foreignRegionToken: foreign,
  };
}
