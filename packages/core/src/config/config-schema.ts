import { resolveEndpoint } from '../client/region.js';
import { PCloudError } from '../errors.js';

/** The shared keys of the config file (the original tools' names), all optional when read. */
export interface PCloudConfig {
  /** The config file's own path (written by the original; informational). */
  'config-file'?: string;
  /** API endpoint URL, or `eu`/`us`. */
  endpoint?: string;
  /** OAuth access token. */
  access_token?: string;
  /** The same, under the name the original's code writes. */
  'access-token'?: string;
  /** A legacy `auth` session token; when set it is used instead of the access token. */
  auth?: string;
  /** Binary protocol port (8399 TLS). */
  'binary-api-port'?: number;
  /** Timeout N: N seconds to connect, 5×N idle. */
  timeout?: number;
  /** OAuth app id (client_id) used to log in. */
  'client-id'?: string;
  /** OAuth app secret; with it the code is exchanged directly with `oauth2_token`. */
  'client-secret'?: string;
  /** A service that exchanges a code for a token without the secret on this machine. */
  'exchange-url'?: string;
  /** The OAuth authorize page (default pCloud's; `<endpoint>/oauth2/authorize` for a local emulator). */
  'authorize-url'?: string;
  /** Report actions as they happen. */
  verbose?: boolean;
  /** Allow a plain http:// endpoint off this machine (the token travels unencrypted). */
  'insecure-http'?: boolean;
  /** pCloud account email the token should belong to. */
  username?: string;
  /** `http` (default) or `binary`. */
  transport?: 'http' | 'binary';
  /** Extra trusted CA certificate (PEM file), e.g. a local emulator's. */
  'ca-file'?: string;
  /** For a token of an app restricted to its own folder: where that folder is in the account (`/Applications/<AppName>`). */
  'app-folder'?: string;
  /** Each tool's own section, e.g. `"playlist": { ... }`. */
  [section: string]: unknown;
}

/** What a missing config file is created with: the original tools' keys and defaults. */
export function defaultConfig(path: string): PCloudConfig {
  return {
    'config-file': path,
    endpoint: 'https://eapi.pcloud.com',
    access_token: '',
    'binary-api-port': 8399,
    timeout: 2,
    'client-id': '',
    verbose: false,
    username: '',
  };
}

const STRINGS = ['config-file', 'access_token', 'access-token', 'auth', 'client-id', 'client-secret', 'username', 'ca-file'];
const SECRETS = new Set(['access_token', 'access-token', 'auth', 'client-secret']);

function isPositiveInteger(value: unknown, max = Number.MAX_SAFE_INTEGER): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** The problem with one shared key's value, or undefined when it is fine. */
function problemWith(key: string, value: unknown): string | undefined {
  if (STRINGS.includes(key)) return typeof value === 'string' ? undefined : 'must be a string';
  switch (key) {
    case 'endpoint':
      if (typeof value !== 'string') return 'must be a string';
      try {
        resolveEndpoint(value);
        return undefined;
      } catch {
        return 'must be eu, us or an http(s) URL';
      }
    case 'exchange-url':
    case 'authorize-url':
      return typeof value === 'string' && (value === '' || isHttpUrl(value)) ? undefined : 'must be an http(s) URL';
    case 'binary-api-port':
      return isPositiveInteger(value, 65535) ? undefined : 'must be a port number (1-65535)';
    case 'timeout':
      return isPositiveInteger(value) ? undefined : 'must be a positive integer (seconds)';
    case 'verbose':
    case 'insecure-http':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'transport':
      return value === 'http' || value === 'binary' ? undefined : 'must be "http" or "binary"';
    default:
      return undefined;
  }
}

/** Shows a bad value in an error, except for secrets, which are never shown. */
function shown(key: string, value: unknown): string {
  if (SECRETS.has(key)) return '';
  const text = JSON.stringify(value) ?? String(value);
  return ` (got ${text.length > 40 ? `${text.slice(0, 40)}…` : text})`;
}

/** The error for a config file that cannot be used; the file itself is left untouched. */
export function configError(file: string, problem: string): PCloudError {
  return new PCloudError('CONFIG_ERROR', `config file ${file}: ${problem}`, {
    hint: 'the file was left unchanged; fix it, or use another file with -f',
  });
}

/**
 * Checks a parsed config file: a JSON object whose shared keys have the right types. Other keys
 * (tool sections, keys of newer versions) are kept as they are. Throws a CONFIG_ERROR naming
 * the file and the first problem.
 */
export function validateConfig(value: unknown, file: string): PCloudConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw configError(file, 'expected a JSON object at the top level');
  }
  for (const [key, item] of Object.entries(value)) {
    const problem = problemWith(key, item);
    if (problem !== undefined) throw configError(file, `"${key}" ${problem}${shown(key, item)}`);
  }
  return value as PCloudConfig;
}

/** The access token stored in the config: `access_token`, else the original's `access-token`. */
export function configAccessToken(config: PCloudConfig): string | undefined {
  return config.access_token || config['access-token'] || undefined;
}
