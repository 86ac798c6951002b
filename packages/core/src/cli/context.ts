import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClientOptions, LogKind } from '../client/client-options.js';
import { createClient, type PCloudClient } from '../client/create-client.js';
import { createReachability, outageWindowMs, type Reachability } from '../client/reachability.js';
import type { ConfigStore } from '../config/config-store.js';
import { PCloudError } from '../errors.js';
import { escapeControl } from '../escape-control.js';
import type { RemoteLocation } from '../location/parse-location.js';
import { accountPath } from '../location/remote-path.js';
import type { CommonOptions } from './common-options.js';
import { createCredentialResolver } from './credentials.js';
import type { CliIo } from './io.js';
import type { Output } from './output.js';
import { reportReachability, type ReachabilityView } from './reachability-report.js';

/** Everything a command handler gets: its arguments, the resolved options and the services. */
export interface CommandContext<A = Record<string, unknown>> {
  readonly tool: { readonly name: string; readonly version: string };
  /** The sub-command's name, or undefined for a single-command tool. */
  readonly command: string | undefined;
  /** The command's options (command line > the tool's config section > defaults) and positionals. */
  readonly args: A;
  /** The common options after precedence (command line > environment > config > defaults). */
  readonly options: Readonly<CommonOptions>;
  /** The config file, for tools that keep state in their section. */
  readonly config: ConfigStore;
  readonly out: Output;
  /** `-d/--dry-run` when the command declares it: print the plan, change nothing. */
  readonly dryRun: boolean;
  /** `--json` when the command declares it. */
  readonly json: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly io: CliIo;
  /** Aborted on Ctrl-C; pass it to long operations. */
  readonly signal: AbortSignal;
  /**
   * The API client, created on first use (logging in first when there is no token). With a
   * `pcloud://` location it talks to that location's host with its `authid` when it has one.
   */
  client(location?: RemoteLocation): Promise<PCloudClient>;
  /** Whether pCloud answers, judged across every call of this run (the clients share it). */
  readonly reachability: Reachability;
  /**
   * Shows the run's waits for pCloud through `view` (a progress line) instead of plain lines on
   * standard error, until the returned function is called.
   */
  showReachability(view: ReachabilityView): () => void;
  /**
   * Calls `listener` whenever a client of this run retries after a transient failure (a 4xxx/5xxx
   * answer, HTTP 429/5xx, a reset, a timeout): pCloud pushing back. Returns the unsubscribe.
   */
  onRetry(listener: () => void): () => void;
  /**
   * A location as the user should read it: `p:/Backup`, plus where that is in their account when
   * the token is a private-folder app's (config `app-folder`): `p:/Backup (/Applications/App/Backup in your account)`.
   */
  where(location: RemoteLocation): string;
  /** The connection settings clients of this run use (CA, timeout, redacted logger, signal), for calls made outside `client()` such as a login's code exchange. */
  connection(): Pick<ClientOptions, 'ca' | 'timeout' | 'logger' | 'signal' | 'insecureHttp'>;
}

/** What {@link createContext} assembles a context from. */
export interface ContextParts<A> {
  tool: { name: string; version: string };
  command: string | undefined;
  args: A;
  options: CommonOptions;
  config: ConfigStore;
  out: Output;
  io: CliIo;
  dryRun: boolean;
  json: boolean;
  /** Shown once, when the first client is made: the command line carried a token (argv-token.ts). */
  tokenWarning?: string;
}

/** `PCLOUD_OUTAGE_WAIT`: seconds a run waits for pCloud to answer again before it stops (default 15 × timeout). */
function outageWait(env: Readonly<Record<string, string | undefined>>, timeout: number): number {
  const text = env.PCLOUD_OUTAGE_WAIT?.trim();
  if (!text) return outageWindowMs(timeout);
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw new PCloudError('CONFIG_ERROR', `PCLOUD_OUTAGE_WAIT must be a number of seconds (got "${text}")`);
  return value * 1000;
}

function readCa(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new PCloudError('CONFIG_ERROR', `cannot read the CA file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      hint: 'set PCLOUD_CA_FILE or "ca-file" in the config to a PEM file, or remove it',
    });
  }
}

/** Builds a command's context; `close()` ends the clients it created. */
export function createContext<A>(parts: ContextParts<A>): { context: CommandContext<A>; close(): Promise<void> } {
  const { options, io, out } = parts;
  const signal = io.signal ?? new AbortController().signal;
  const reachability = createReachability({ windowMs: outageWait(io.env, options.timeout) });
  const plainLines: ReachabilityView = { line: (text) => out.info(text) };
  let view = plainLines;
  let ca: string | undefined;
  // A log line may quote what a server sent (an error message, a name): it must not drive the terminal.
  // Retries (-v) go where the waits go, so that they never tear a progress line apart.
  const retryListeners = new Set<() => void>();
  const logger = (line: string, kind: LogKind): void => {
    if (kind === 'retry') for (const listener of retryListeners) listener();
    const shown = escapeControl(line);
    if (kind !== 'retry') out.debug(shown);
    else if (view === plainLines || !out.isVerbose) out.verbose(shown);
    else view.line(shown);
  };
  const connection = (): Pick<ClientOptions, 'ca' | 'timeout' | 'logger' | 'signal' | 'insecureHttp'> => {
    if (options.caFile !== undefined) ca ??= readCa(options.caFile, io.cwd);
    return { ...(ca !== undefined ? { ca } : {}), timeout: options.timeout, insecureHttp: options.insecureHttp, logger, signal };
  };
  const credentials = createCredentialResolver({ bin: parts.tool.name, options, config: parts.config, io, out, connection });
  const clients = new Map<string, Promise<PCloudClient>>();
  const stopReporting = reportReachability(reachability, () => view, parts.tool.name);
  // Only once a token is about to be used: bad input still fails with its one line.
  let tokenWarning = parts.tokenWarning;

  const client = (location?: RemoteLocation): Promise<PCloudClient> => {
    const key = `${location?.endpoint ?? ''}\n${location?.accessToken ?? ''}`;
    let made = clients.get(key);
    if (made === undefined) {
      if (tokenWarning !== undefined) out.warn(tokenWarning);
      tokenWarning = undefined;
      made = credentials(location).then((found) => {
        if (options.appFolder && location?.accessToken === undefined)
          out.verbose(`the app's root / is ${options.appFolder} in your account`);
        return createClient({
          ...connection(),
          endpoint: found.endpoint,
          ...(found.auth !== undefined ? { auth: found.auth } : { accessToken: found.accessToken }),
          transport: options.transport,
          reachability,
          binaryPort: options.binaryPort,
          // An endpoint without TLS (a local emulator over http://) means the binary protocol without TLS too.
          binaryPlain: new URL(found.endpoint).protocol === 'http:',
        });
      });
      clients.set(key, made);
    }
    return made;
  };

  const context: CommandContext<A> = {
    tool: parts.tool,
    command: parts.command,
    args: parts.args,
    options,
    config: parts.config,
    out,
    dryRun: parts.dryRun,
    json: parts.json,
    cwd: io.cwd,
    env: io.env,
    io,
    signal,
    client,
    connection,
    reachability,
    showReachability: (shown) => {
      view = shown;
      return () => {
        view = plainLines;
      };
    },
    onRetry: (listener) => {
      retryListeners.add(listener);
      return () => retryListeners.delete(listener);
    },
    where: (location) => {
      // The config's app-folder describes the config's token, not the one a location brings along.
      const inAccount = accountPath(location.path, location.accessToken === undefined ? options.appFolder : undefined);
      return inAccount === location.path ? location.display : `${location.display} (${inAccount} in your account)`;
    },
  };
  const close = async (): Promise<void> => {
    stopReporting();
    const settled = await Promise.allSettled(clients.values());
    await Promise.allSettled(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.close()] : [])));
  };
  return { context, close };
}
