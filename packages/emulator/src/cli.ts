/**
 * `run(argv, io)` behind the `pcloud-emulator` bin: parse options, start the emulator, print
 * where it listens (one JSON line with `--json`), and stop cleanly when `io.signal` aborts
 * (the bin wires SIGINT/SIGTERM to it). Never calls `process.exit`; returns the exit code.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { coreVersion, packageVersion, type CliIo } from '@pcloud/core/cli';
import { parseCommandLine, type CliSettings } from './cli-options.js';
import { createEmulator } from './create-emulator.js';
import type { Emulator, EmulatorOptions } from './emulator-options.js';
import type { CallLimitOptions } from './call-limit.js';
import type { FaultRule } from './faults.js';

/**
 * The part of a tool's io (core's CliIo) the emulator uses: where it writes, and the signal whose
 * abort stops it, required here, as a server runs until it is told to stop.
 */
export type EmulatorIo = Pick<CliIo, 'stdout' | 'stderr'> & Required<Pick<CliIo, 'signal'>>;

function faultRules(settings: CliSettings): FaultRule[] {
  const rule: FaultRule = {};
  if (settings.failMethod) rule.methods = settings.failMethod;
  if (settings.failEvery) Object.assign(rule, { failEvery: settings.failEvery, failResult: settings.failResult });
  if (settings.latency) rule.latencyMs = settings.latency;
  if (settings.resetEvery) rule.resetResponseEvery = settings.resetEvery;
  if (settings.resetRequestEvery) rule.resetRequestEvery = settings.resetRequestEvery;
  return Object.keys(rule).some((key) => key !== 'methods') ? [rule] : [];
}

/** `--rate-limit` and `--max-in-flight` (0 or absent: no limit). */
function callLimit(settings: CliSettings): { callLimit?: CallLimitOptions } {
  const limit: CallLimitOptions = {};
  if (settings.rateLimit) limit.perSecond = settings.rateLimit;
  if (settings.maxInFlight) limit.inFlight = settings.maxInFlight;
  return Object.keys(limit).length > 0 ? { callLimit: limit } : {};
}

async function emulatorOptions(settings: CliSettings): Promise<EmulatorOptions> {
  const tls =
    settings.tlsCert !== undefined && settings.tlsKey !== undefined
      ? { cert: await readFile(settings.tlsCert, 'utf8'), key: await readFile(settings.tlsKey, 'utf8') }
      : settings.tls;
  return {
    host: settings.host,
    port: settings.port,
    downloadPort: settings.downloadPort,
    binaryPort: settings.binaryPort,
    binaryPlainPort: settings.binaryPlainPort,
    ...(settings.dataDir !== undefined ? { dataDir: resolve(settings.dataDir) } : {}),
    tls,
    region: settings.region,
    legacy: settings.legacy,
    idleTimeoutMs: settings.idleTimeout * 1000,
    faults: {
      rules: faultRules(settings),
      expireLinks: settings.expireLinks,
      rootRecursive1101: settings.refuseRootRecursive,
      ...(settings.maxRecursiveEntries !== undefined ? { maxRecursiveEntries: settings.maxRecursiveEntries } : {}),
      ...callLimit(settings),
    },
    ...(settings.accessToken !== undefined ? { seed: { accessToken: settings.accessToken } } : {}),
  };
}

/** Writes the CA where asked, or to a private temporary folder removed on exit. */
async function writeCa(ca: string, caOut: string | undefined): Promise<{ file: string; cleanup: () => Promise<void> }> {
  if (caOut !== undefined) {
    await writeFile(caOut, ca);
    return { file: resolve(caOut), cleanup: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'pcloud-emulator-ca-'));
  const file = join(dir, 'ca.pem');
  await writeFile(file, ca);
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function describeStart(emulator: Emulator, settings: CliSettings, caFile: string | undefined): string {
  const versions = `${packageVersion('@pcloud/emulator', import.meta.url)} with @pcloud/core ${coreVersion()}`;
  const lines = [
    `pCloud emulator ${versions} (${settings.region.toUpperCase()}, ${settings.legacy ? 'legacy mode' : 'restriction mode'}) listening`,
    `  API:           ${emulator.apiUrl}`,
    `  download host: ${emulator.downloadUrl}`,
    `  binary port:   ${emulator.binaryPort}${settings.tls ? ' (TLS)' : ''}`,
  ];
  if (caFile !== undefined) lines.push(`  CA:            ${caFile}`);
  if (settings.dataDir !== undefined) lines.push(`  data:          ${resolve(settings.dataDir)}`);
  lines.push('  token:         run with --json to get a ready OAuth token', 'Press Ctrl-C to stop.');
  return `${lines.join('\n')}\n`;
}

function startError(error: unknown, settings: CliSettings): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    const ports = `--port ${settings.port}, --download-port ${settings.downloadPort}, --binary-port ${settings.binaryPort}`;
    return `cannot listen on ${settings.host}: a port is already in use (${ports})`;
  }
  if (code === 'EADDRNOTAVAIL') return `cannot listen on ${settings.host}: no such local address`;
  if (code === 'ENOENT' || code === 'EACCES') return `cannot read ${(error as NodeJS.ErrnoException).path ?? 'a file'}: ${code}`;
  return `cannot start: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs the bin; resolves with the exit code once the emulator has stopped. */
export async function run(argv: string[], io: EmulatorIo): Promise<number> {
  const parsed = await parseCommandLine(argv, packageVersion('@pcloud/emulator', import.meta.url));
  if (parsed.kind === 'print') {
    io.stdout.write(`${parsed.text}\n`);
    return 0;
  }
  if (parsed.kind === 'usage') {
    io.stderr.write(`pcloud-emulator: ${parsed.message.replace(/\s+/g, ' ').trim()}\nTry 'pcloud-emulator --help'.\n`);
    return 2;
  }
  const { settings } = parsed;
  let emulator: Emulator;
  try {
    emulator = await createEmulator(await emulatorOptions(settings));
  } catch (error) {
    io.stderr.write(`pcloud-emulator: ${startError(error, settings)}\n`);
    return 1;
  }
  const ca = emulator.ca === undefined ? undefined : await writeCa(emulator.ca, settings.caOut);
  const stopped = new Promise<void>((done) => {
    if (io.signal.aborted) done();
    else io.signal.addEventListener('abort', () => done(), { once: true });
  });
  if (settings.json) {
    const line = {
      apiUrl: emulator.apiUrl,
      downloadHost: emulator.downloadHost,
      token: emulator.token,
      ...(ca ? { caFile: ca.file } : {}),
      binaryPort: emulator.binaryPort,
      binaryPlainPort: emulator.binaryPlainPort,
      locationid: emulator.state.locationid,
      legacy: settings.legacy,
    };
    io.stdout.write(`${JSON.stringify(line)}\n`);
  } else {
    io.stdout.write(describeStart(emulator, settings, ca?.file));
  }
  await stopped;
  await emulator.close();
  await ca?.cleanup();
  if (!settings.json) io.stdout.write('pCloud emulator stopped.\n');
  return 0;
}
