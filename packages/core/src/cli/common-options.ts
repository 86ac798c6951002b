import { DEFAULT_TIMEOUT } from '../client/client-options.js';
import { resolveEndpoint } from '../client/region.js';
import type { PCloudConfig } from '../config/config-schema.js';
import { PCloudError } from '../errors.js';

/** A common option: its short form, whether it takes a value, and the config key `-s` saves it to. */
export interface CommonOptionInfo {
  short?: string;
  takesValue: boolean;
  describe: string;
  /** The top-level config key it is saved to with `-s`; absent for one-shot flags. */
  saveAs?: keyof PCloudConfig & string;
  choices?: readonly string[];
}

/** The options every tool takes (the original tools' `-e -f -r -s -t -u -v`, plus `--transport`). */
export const COMMON_OPTIONS: Readonly<Record<string, CommonOptionInfo>> = {
  endpoint: {
    short: 'e',
    takesValue: true,
    saveAs: 'endpoint',
    describe: 'API endpoint: eu (https://eapi.pcloud.com, the default), us (https://api.pcloud.com) or a URL',
  },
  'config-file': { short: 'f', takesValue: true, describe: 'config file (default $PCLOUD_CONFIG or ~/.config/pcloud.json)' },
  reauth: { short: 'r', takesValue: false, describe: 'log in again (OAuth2) and store the new token' },
  save: { short: 's', takesValue: false, describe: 'save the options given on this command line into the config file' },
  timeout: { short: 't', takesValue: true, saveAs: 'timeout', describe: 'timeout N in seconds: N to connect, 5×N idle (default 2)' },
  username: {
    short: 'u',
    takesValue: true,
    saveAs: 'username',
    describe: 'your pCloud account email; a login as someone else is warned about',
  },
  verbose: { short: 'v', takesValue: false, saveAs: 'verbose', describe: 'report actions as they happen' },
  debug: { takesValue: false, describe: 'also print every API call and its outcome (tokens redacted)' },
  transport: { takesValue: true, saveAs: 'transport', choices: ['http', 'binary'], describe: 'API protocol: http (default) or binary' },
  'insecure-http': {
    takesValue: false,
    saveAs: 'insecure-http',
    describe: 'allow a plain http:// endpoint off this machine (the token then travels unencrypted; refused by default)',
  },
};

/** The common options after precedence: command line > environment > config file > defaults. */
export interface CommonOptions {
  /** API base URL without a trailing slash. */
  endpoint: string;
  /** The endpoint came from `-e` or `PCLOUD_ENDPOINT`: a login keeps it instead of following the redirect. */
  explicitEndpoint: boolean;
  configFile: string;
  reauth: boolean;
  save: boolean;
  timeout: number;
  username: string | undefined;
  verbose: boolean;
  /** `--debug`: the API trace too (implies verbose). */
  debug: boolean;
  transport: 'http' | 'binary';
  /** `--insecure-http` or the config's `insecure-http`: plain HTTP to a host off this machine is allowed. */
  insecureHttp: boolean;
  /** `binary-api-port` from the config (8399). */
  binaryPort: number;
  /** `PCLOUD_CA_FILE` or the config's `ca-file`: an extra CA to trust (a local emulator's). */
  caFile: string | undefined;
  /** The config's `app-folder`: where a private-folder app's root is in the account. */
  appFolder: string | undefined;
}

/** Reads `-t` as the original meant it: a positive whole number of seconds. */
export function parseTimeout(raw: unknown): number {
  const text = String(Array.isArray(raw) ? raw[raw.length - 1] : raw).trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new PCloudError('USAGE_ERROR', `-t/--timeout must be a positive whole number of seconds (got "${text}")`);
  }
  return value;
}

/** The endpoint as a URL text without a trailing slash; `eu`/`us` expand; USAGE_ERROR when invalid. */
export function endpointText(value: string): string {
  return resolveEndpoint(value).href.replace(/\/+$/, '');
}

/**
 * Applies the precedence to the common options. `given` holds what the command line set (long
 * names), `env` the process environment, `config` the file's content at `configFile`.
 */
export function resolveCommonOptions(
  given: Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>,
  config: Readonly<PCloudConfig>,
  configFile: string,
): CommonOptions {
  const last = (value: unknown): unknown => (Array.isArray(value) ? value[value.length - 1] : value);
  const cliEndpoint = last(given.endpoint) as string | undefined;
  const endpointSource = cliEndpoint ?? (env.PCLOUD_ENDPOINT || undefined);
  const cliUsername = last(given.username) as string | undefined;
  const transport = (last(given.transport) as CommonOptions['transport'] | undefined) ?? config.transport ?? 'http';
  return {
    endpoint: endpointText(endpointSource ?? config.endpoint ?? 'eu'),
    explicitEndpoint: endpointSource !== undefined,
    configFile,
    reauth: given.reauth === true,
    save: given.save === true,
    timeout: given.timeout !== undefined ? parseTimeout(given.timeout) : (config.timeout ?? DEFAULT_TIMEOUT),
    username: cliUsername ?? (config.username || undefined),
    verbose: given.debug === true || ((last(given.verbose) as boolean | undefined) ?? config.verbose ?? false),
    debug: given.debug === true,
    transport,
    insecureHttp: given['insecure-http'] === true || config['insecure-http'] === true,
    binaryPort: config['binary-api-port'] ?? 8399,
    caFile: env.PCLOUD_CA_FILE || config['ca-file'] || undefined,
    appFolder: config['app-folder'] || undefined,
  };
}
