/**
 * The `pcloud-emulator` command line: its options, help text and examples, parsed into plain
 * settings with yargs (no side effects, so tests can check parsing alone).
 */
import yargs from 'yargs';

/** Parsed command-line settings. */
export interface CliSettings {
  host: string;
  port: number;
  downloadPort: number;
  binaryPort: number;
  binaryPlainPort: number;
  dataDir?: string;
  tls: boolean;
  tlsCert?: string;
  tlsKey?: string;
  caOut?: string;
  region: 'eu' | 'us';
  legacy: boolean;
  accessToken?: string;
  failEvery?: number;
  failResult: number;
  failMethod?: string[];
  latency?: number;
  resetEvery?: number;
  resetRequestEvery?: number;
  expireLinks: boolean;
  refuseRootRecursive: boolean;
  maxRecursiveEntries?: number;
  rateLimit?: number;
  maxInFlight?: number;
  idleTimeout: number;
  json: boolean;
}

/** What parsing produced: settings to run with, text to print and stop (help, version), or a usage error. */
export type ParsedCommandLine =
  | { kind: 'run'; settings: CliSettings }
  | { kind: 'print'; text: string }
  | { kind: 'usage'; message: string };

const EXAMPLES: Array<[string, string]> = [
  ['$0', 'EU region, restriction mode (pCloud 2026), any free port'],
  ['$0 --port 8080 --data-dir ./pcloud-data', 'fixed port, state kept across restarts'],
  ['$0 --tls --ca-out ca.pem --json', 'HTTPS with a throwaway CA; one JSON line for scripts'],
  ['$0 --legacy --region us', 'US region; auth tokens, digest login and collections for OAuth tokens allowed'],
  ['$0 --fail-every 7 --fail-result 4000 --fail-method uploadfile --latency 50', 'inject faults'],
  ['$0 --rate-limit 50 --max-in-flight 4', 'throttle like pCloud: 4000 (HTTP 429 from the download host) beyond 50 calls/s or 4 at once'],
];

/** Parses `argv` (without node and script); never exits the process. */
export async function parseCommandLine(argv: string[], version: string): Promise<ParsedCommandLine> {
  const parser = yargs(argv)
    .scriptName('pcloud-emulator')
    .usage('$0 [options]\n\nA local pCloud server (HTTP JSON API, binary protocol, OAuth pages, download host) for offline tests.')
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on (never all interfaces unless asked)' })
    .option('port', { type: 'number', default: 0, describe: 'API port (0: any free port)' })
    .option('download-port', { type: 'number', default: 0, describe: 'download host port (0: any free port)' })
    .option('binary-port', { type: 'number', default: 0, describe: 'binary protocol port (TLS when --tls is on; 0: any free port)' })
    .option('binary-plain-port', {
      type: 'number',
      default: 0,
      describe: 'plain-TCP binary protocol port beside the TLS one (0: any free port)',
    })
    .option('data-dir', {
      type: 'string',
      describe:
        'keep state (metadata, content, download links, upload sessions) in DIR across restarts; DIR is made private (0700) and ' +
        'DIR/state.json, which holds tokens, is written 0600. A state.json that cannot be parsed stops the start-up with an error ' +
        '(it is never replaced): repair it or move it aside',
    })
    .option('tls', {
      type: 'boolean',
      default: false,
      describe: 'serve HTTPS with a throwaway CA and a certificate for localhost, 127.0.0.1, ::1',
    })
    .option('tls-cert', { type: 'string', describe: 'serve HTTPS with this certificate (PEM file; needs --tls-key)' })
    .option('tls-key', { type: 'string', describe: 'private key (PEM file) for --tls-cert' })
    .option('ca-out', { type: 'string', describe: 'write the throwaway CA certificate to FILE' })
    .option('region', { choices: ['eu', 'us'] as const, default: 'eu' as const, describe: 'emulated region (locationid 2 or 1)' })
    .option('legacy', {
      type: 'boolean',
      default: false,
      describe: 'turn the 2026 restrictions off: auth tokens, digest login, collections and tokens for OAuth',
    })
    .option('access-token', { type: 'string', describe: 'value of the ready OAuth token (default: random)' })
    .option('fail-every', { type: 'number', describe: 'fail every Nth call with --fail-result' })
    .option('fail-result', { type: 'number', default: 5000, describe: 'result code of injected failures (e.g. 5000, 4000)' })
    .option('fail-method', {
      type: 'string',
      array: true,
      describe: 'limit faults to these methods (repeat or comma-separate; "download" is the download host)',
    })
    .option('latency', { type: 'number', describe: 'delay every answer by MS milliseconds' })
    .option('reset-every', { type: 'number', describe: 'reset the connection halfway through every Nth response body' })
    .option('reset-request-every', { type: 'number', describe: 'reset the connection while receiving every Nth request' })
    .option('expire-links', {
      type: 'boolean',
      default: false,
      describe: 'download links are expired at once (the download host answers 401)',
    })
    .option('refuse-root-recursive', {
      type: 'boolean',
      default: true,
      describe: 'answer 1101 to a recursive listing of the root, as pCloud since 2026 (--no-refuse-root-recursive allows it)',
    })
    .option('max-recursive-entries', { type: 'number', describe: 'answer 5000 to recursive listings with more entries than N' })
    .option('rate-limit', {
      type: 'number',
      describe: 'throttle beyond N calls a second: API calls answer 4000 (retry later), the download host HTTP 429',
    })
    .option('max-in-flight', { type: 'number', describe: 'throttle the same way beyond N calls being answered at once' })
    .option('idle-timeout', {
      type: 'number',
      default: 60,
      describe: 'close a connection on which nothing moved for SECONDS (a request body that stopped arriving, an answer nobody reads)',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'print one JSON line on start-up: apiUrl, downloadHost, token, caFile, binaryPort, binaryPlainPort',
    })
    .example(EXAMPLES)
    .epilogue('Ctrl-C stops the emulator.')
    .version(version)
    .help()
    .alias('h', 'help')
    .strict()
    .exitProcess(false)
    .wrap(100)
    .check((args) => {
      if ((args['tls-cert'] === undefined) !== (args['tls-key'] === undefined)) throw new Error('--tls-cert and --tls-key go together');
      for (const name of ['port', 'download-port', 'binary-port', 'binary-plain-port'] as const) {
        const port = args[name];
        if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--${name} must be a port number (0-65535)`);
      }
      if (!Number.isInteger(args['idle-timeout']) || args['idle-timeout'] < 1)
        throw new Error('--idle-timeout must be a whole number of seconds (1 or more)');
      for (const name of [
        'fail-every',
        'latency',
        'reset-every',
        'reset-request-every',
        'max-recursive-entries',
        'rate-limit',
        'max-in-flight',
      ] as const) {
        const value = args[name];
        if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new Error(`--${name} must be a whole number`);
      }
      return true;
    });
  let output = '';
  let failure: string | undefined;
  const args = await parser.parseAsync(argv, {}, (error: Error | undefined, _argv: unknown, text: string) => {
    output = text;
    if (error) failure = error.message;
  });
  if (failure !== undefined) return { kind: 'usage', message: failure };
  if (output !== '') return { kind: 'print', text: output };
  const failMethod = args['fail-method']?.flatMap((m) => String(m).split(',')).filter((m) => m !== '');
  return {
    kind: 'run',
    settings: {
      host: args.host,
      port: args.port,
      downloadPort: args['download-port'],
      binaryPort: args['binary-port'],
      binaryPlainPort: args['binary-plain-port'],
      dataDir: args['data-dir'],
      tls: args.tls || args['tls-cert'] !== undefined,
      tlsCert: args['tls-cert'],
      tlsKey: args['tls-key'],
      caOut: args['ca-out'],
      region: args.region,
      legacy: args.legacy,
      accessToken: args['access-token'],
      failEvery: args['fail-every'],
      failResult: args['fail-result'],
      failMethod,
      latency: args.latency,
      resetEvery: args['reset-every'],
      resetRequestEvery: args['reset-request-every'],
      expireLinks: args['expire-links'],
      refuseRootRecursive: args['refuse-root-recursive'],
      maxRecursiveEntries: args['max-recursive-entries'],
      rateLimit: args['rate-limit'],
      maxInFlight: args['max-in-flight'],
      idleTimeout: args['idle-timeout'],
      json: args.json,
    },
  };
}
