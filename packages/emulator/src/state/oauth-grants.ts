/**
 * Registered OAuth apps and the authorization codes the authorize page hands out
 * (pcloud-api.md §7): redirect URI matching, single-use codes, the code → token exchange.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuthorizationCode, OAuthApp, Token } from './identity-types.js';

/** Seconds a code stays redeemable; pCloud does not document it, ten minutes is the common choice. */
const CODE_LIFETIME = 600;

/** Issues an OAuth access token for an app on behalf of an account. */
export type IssueAppToken = (app: OAuthApp, userid: number, now: number) => Token;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether `uri` is allowed by one registered pattern: scheme and host must be equal; a `*` port
 * matches any port; a pattern without a path matches any path, one with a path only that path.
 */
export function redirectMatches(pattern: string, uri: string): boolean {
  let target: URL;
  try {
    target = new URL(uri);
  } catch {
    return false;
  }
  const parts = /^(https?):\/\/([^/?#]+?)(?::(\d+|\*))?(\/[^?#]*)?$/.exec(pattern);
  if (!parts) return pattern === uri;
  const [, scheme, host = '', port, path] = parts;
  if (target.username !== '' || target.password !== '') return false;
  if (target.protocol !== `${scheme}:` || target.hostname !== host.toLowerCase()) return false;
  if (port !== '*' && target.port !== (port ?? '')) return false;
  return path === undefined || target.pathname === path;
}

/** Apps and their outstanding authorization codes. */
export class OAuthGrants {
  readonly apps = new Map<string, OAuthApp>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly issueToken: IssueAppToken) {}

  /** Registers an app (replacing one with the same client id). */
  addApp(app: OAuthApp): OAuthApp {
    this.apps.set(app.clientId, app);
    return app;
  }

  /** The app registered under `clientId`, if any. */
  app(clientId: string): OAuthApp | undefined {
    return this.apps.get(clientId);
  }

  /** Whether the app registered `uri` as one of its redirect URIs. */
  redirectAllowed(app: OAuthApp, uri: string): boolean {
    return app.redirectUris.some((pattern) => redirectMatches(pattern, uri));
  }

  /** Hands out a fresh single-use code for the code flow. */
  issueCode(app: OAuthApp, userid: number, now: number): string {
    const value = randomBytes(24).toString('base64url');
    this.codes.set(value, { value, clientId: app.clientId, userid, expires: now + CODE_LIFETIME });
    return value;
  }

  /** Token flow: an access token straight away. */
  issueAccessToken(app: OAuthApp, userid: number, now: number): Token {
    return this.issueToken(app, userid, now);
  }

  /** `oauth2_token`: trades a code for a new access token; undefined when app, secret or code do not fit. */
  redeemCode(clientId: string, clientSecret: string, code: string, now: number): Token | undefined {
    const app = this.apps.get(clientId);
    const grant = this.codes.get(code);
    if (!app || !grant || !sameSecret(clientSecret, app.clientSecret) || grant.clientId !== clientId) return undefined;
    // Single use: whatever happens next, this code is spent.
    this.codes.delete(code);
    if (grant.expires < now) return undefined;
    return this.issueToken(app, grant.userid, now);
  }
}
