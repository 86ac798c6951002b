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
  registered: number;
}

/** A registered OAuth app (client). */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  /** `all`: whole account; `private`: a private folder `/Applications/<name>` that is the app's root. */
  folderAccess: 'all' | 'private';
}

/** The part of an account a token may see. */
export type AccessScope =
  | { kind: 'all' }
  /** A private app folder: `rootFolderId` is the real folder id of `/Applications/<appName>`. */
  | { kind: 'folder'; rootFolderId: number; appName: string };

export interface Token {
  tokenid: number;
  /** The secret value clients send. */
  value: string;
  kind: 'oauth' | 'auth';
  userid: number;
  /** Shown by listtokens as `device`. */
  device: string;
  clientId?: string;
  created: number;
  /** Unix seconds; OAuth tokens never expire (0). */
  expires: number;
  expiresInactive: number;
  scope: AccessScope;
}
