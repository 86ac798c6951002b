import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type Conf from 'conf';
import { printAs, withoutSecrets } from '../conceal.js';
import { PCloudError } from '../errors.js';
import { resolveConfigPath, type ConfigPathOptions } from './config-path.js';
import { configAccessToken, configError, defaultConfig, validateConfig, type PCloudConfig } from './config-schema.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';
import { readConfigFile } from './read-config-file.js';

/** Options of {@link openConfigStore}. */
export interface ConfigStoreOptions extends ConfigPathOptions {
  /** The config file; when absent it is resolved from `explicit`, the environment and the defaults. */
  path?: string;
  /** Create a missing file with the default keys (default true). */
  create?: boolean;
  /** Lock wait and stale-lock timeouts. */
  lock?: FileLockOptions;
}

/** The config file of the pCloud tools: shared keys at the top, each tool's options in its section. */
export interface ConfigStore {
  /** Absolute path of the file. */
  readonly path: string;
  /** The file's content as last read or written (validated). */
  readonly data: Readonly<PCloudConfig>;
  /** Whether this open created the file. */
  readonly created: boolean;
  /** The stored access token (`access_token`, else the original's `access-token`). */
  accessToken(): string | undefined;
  /** A tool's own section (`"playlist": {...}`), or an empty object. */
  section(name: string): Readonly<Record<string, unknown>>;
  /** Read-merge-write under the lock: `mutate` edits the file's current content, which is then written atomically. */
  update(mutate: (config: PCloudConfig) => void): Promise<Readonly<PCloudConfig>>;
  /** Saves values at the top level, or into a tool's section, keeping every other key. */
  save(values: Readonly<Record<string, unknown>>, section?: string): Promise<Readonly<PCloudConfig>>;
}

/**
 * Writes through conf, which gives us its atomic write (temp file + rename) and the 0600 mode.
 * conf does not decide what the file holds: with `clearInvalidConfig` it resets a corrupt file,
 * and it has no lock, so a `set()` writes back whatever it read, losing a concurrent writer's
 * keys. So every read that matters is ours (readConfigFile: validate, refuse, never touch), conf
 * is only created while we hold the lock on a file we have just validated, with
 * `clearInvalidConfig: false` as a second guard, and it receives the complete merged store.
 */
function writeWithConf(ConfClass: typeof Conf, path: string, store: PCloudConfig): void {
  const name = basename(path);
  const ext = extname(name);
  const conf = new ConfClass<Record<string, unknown>>({
    cwd: dirname(path),
    configName: ext.length > 1 ? name.slice(0, -ext.length) : name,
    fileExtension: ext.length > 1 ? ext.slice(1) : '',
    configFileMode: 0o600,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  });
  conf.store = store;
}

/** Keys of the file that hold a token or an app secret: printing a store shows them redacted. */
const CONFIG_SECRETS = ['access_token', 'access-token', 'auth', 'client-secret'];

// conf (with ajv) loads with the first write, so importing the library root costs nothing for it.
let confModule: Promise<typeof Conf> | undefined;
function loadConf(): Promise<typeof Conf> {
  confModule ??= import('conf').then((module) => module.default);
  return confModule;
}

function ensureDirectory(path: string): void {
  try {
    // Only directories created here get 0700; an existing ~/.config keeps the mode its owner chose.
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw configError(path, `cannot create its directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function isSection(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Opens the config file: reads and validates it (a corrupt or invalid file is refused with a
 * CONFIG_ERROR and left byte-for-byte as it was), creating a missing one with the default keys,
 * mode 0600 in a 0700 directory. Every write is a read-merge-write under `<file>.lock`.
 */
export async function openConfigStore(options: ConfigStoreOptions = {}): Promise<ConfigStore> {
  const path = options.path ?? resolveConfigPath(options);
  const lockPath = `${path}.lock`;
  let data = readConfigFile(path);
  let created = false;

  const writeLocked = async (mutate: (config: PCloudConfig) => void): Promise<PCloudConfig> => {
    ensureDirectory(path);
    const ConfClass = await loadConf();
    return withFileLock(
      lockPath,
      () => {
        const current = readConfigFile(path);
        // No file, or only whitespace (which conf's own read would refuse): nothing to lose.
        if (current === undefined) rmSync(path, { force: true });
        const next = structuredClone(current ?? defaultConfig(path));
        mutate(next);
        validateConfig(next, path);
        try {
          writeWithConf(ConfClass, path, next);
        } catch (error) {
          if (error instanceof PCloudError) throw error;
          throw configError(path, `cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        }
        data = next;
        return next;
      },
      options.lock,
    );
  };

  if (data === undefined && options.create !== false) {
    try {
      // Another process may create it between our read and our lock: then we keep what it wrote.
      await writeLocked(() => {});
      created = true;
    } catch (error) {
      // An unwritable place (read-only home in CI) must not stop a tool that has its token from
      // the environment: it runs on the defaults, and a later save reports the problem.
      if (!(error instanceof PCloudError && error.code === 'CONFIG_ERROR') || existsSync(path)) throw error;
    }
  }

  const store: ConfigStore = {
    path,
    get data() {
      return data ?? defaultConfig(path);
    },
    created,
    accessToken: () => configAccessToken(data ?? {}),
    section(name) {
      const value = data?.[name];
      if (value === undefined) return {};
      if (!isSection(value)) throw configError(path, `"${name}" must be an object (the ${name} tool's section)`);
      return value;
    },
    update: writeLocked,
    save(values, section) {
      return writeLocked((config) => {
        if (section === undefined) {
          Object.assign(config, values);
          return;
        }
        const current = config[section];
        if (current !== undefined && !isSection(current)) {
          throw configError(path, `"${section}" must be an object (the ${section} tool's section)`);
        }
        config[section] = { ...current, ...values };
      });
    },
  };
  return printAs(store, () => ({ path, created, data: withoutSecrets(store.data, CONFIG_SECRETS) }));
}
