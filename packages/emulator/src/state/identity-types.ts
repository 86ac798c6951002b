/** Accounts, apps and credentials held by the emulator (pcloud-api.md §6, §7, §11.2). */

export interface Account {
  userid: number;
  email: string;
  /** Password for legacy logins (digest / plain), only honoured in legacy mode. */
  password: string;
  /** 1 = US, 2 = EU. Decides checksum kinds (§4.8) and which host accepts its tokens. */
  locationid: 1 | 2;
  quota: number;
  premium: boolean;
  /** Unix seconds. */
  registered: number;
  emailverified: boolean;
  /** 2–3 lowercase letters, as userinfo reports it. */
  language: string;
}

/** A registered OAuth app (client). */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  name: string;
  /**
   * Redirect URIs the authorize page accepts. A `*` port (as in `http://127.0.0.1:*`) matches any port
   * of that host, as loopback-listener clients (rclone, our login) pick a free port each time.
   */
  redirectUris: string[];
  /** `all`: whole account; `private`: a private folder `/Applications/<name>` that is the app's root. */
  folderAccess: 'all' | 'private';
}

/** The part of an account a token may see. */
export type AccessScope =
  | { kind: 'all' }
  /** A private app folder: `rootFolderId` is the real folder id of `/Applications/<appName>`. */
  | { kind: 'folder'; rootFolderId: number; appName: string };

/** Who is calling, once credentials were checked. */
export interface Caller {
  account: Account;
  /** How the caller authenticated: an OAuth access token or a legacy `auth` token. */
  kind: 'oauth' | 'auth';
  /** The token's id in the state (for logout / deletetoken of the token in use). */
  tokenId: number;
  /** What part of the account the token may see (whole account, or a private app folder). */
  scope: AccessScope;
}

export interface Token {
  tokenid: number;
  /** The secret value clients send. */
  value: string;
  kind: 'oauth' | 'auth';
  userid: number;
  /** Shown by listtokens as `device`. */
  device: string;
  clientId?: string;
  /** Unix seconds. */
  created: number;
  /** Unix seconds; OAuth tokens never expire (0). */
  expires: number;
  /** Unix seconds; pushed forward by `inactiveLifetime` on every use (0 for OAuth tokens). */
  expiresInactive: number;
  /** Seconds of inactivity after which an `auth` token dies (`authinactiveexpire`, §6.4). */
  inactiveLifetime: number;
  scope: AccessScope;
}

/** An authorization code handed out by the authorize page; single-use, short-lived (§7.3). */
export interface AuthorizationCode {
  value: string;
  clientId: string;
  userid: number;
  /** Unix seconds. */
  expires: number;
}
