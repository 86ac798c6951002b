import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { createThrowawayCertificate } from '../src/tls.js';
import { apiCall } from './support/api-call.js';

/** Runs the CLI in-process; resolves once it printed its first line (or ended). */
function start(argv: string[]) {
  const stop = new AbortController();
  let out = '';
  let err = '';
  let firstLine: (line: string) => void = () => undefined;
  const printed = new Promise<string>((resolve) => (firstLine = resolve));
  const exit = run(argv, {
    stdout: { write: (text: string) => ((out += text), out.includes('\n') && firstLine(out.slice(0, out.indexOf('\n')))) },
    stderr: { write: (text: string) => (err += text) },
    signal: stop.signal,
  });
  void exit.then(() => firstLine(out));
  return { printed, exit, stop: () => stop.abort(), out: () => out, err: () => err };
}

describe('pcloud-emulator run()', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pcloud-emulator-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints help with examples, and the package version', async () => {
    const help = start(['--help']);
    expect(await help.exit).toBe(0);
    expect(help.out()).toContain('Examples:');
    expect(help.out()).toContain('HTTP JSON API, binary protocol, OAuth pages, download host');
    for (const option of ['--host', '--port', '--data-dir', '--tls', '--ca-out', '--region', '--legacy', '--json', '--fail-every'])
      expect(help.out()).toContain(option);
    const version = start(['--version']);
    expect(await version.exit).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version.out().trim()).toBe(pkg.version);
  });

  it('rejects bad usage with one line and exit code 2', async () => {
    for (const argv of [['--bogus'], ['--region', 'asia'], ['--tls-cert', 'x.pem'], ['--port', '70000']]) {
      const bad = start(argv);
      expect(await bad.exit).toBe(2);
      expect(bad.err().trim().split('\n')).toHaveLength(2);
      expect(bad.err()).toMatch(/^pcloud-emulator: .+\nTry 'pcloud-emulator --help'\.\n$/);
      expect(bad.out()).toBe('');
    }
  });

  it('--json --tls prints exactly one JSON line; the token works over HTTPS trusting caFile; abort stops it', async () => {
    const caOut = join(dir, 'ca.pem');
    const cli = start(['--json', '--tls', '--ca-out', caOut, '--legacy', '--access-token', 'CLI-TEST-TOKEN-0001']);
    const line = JSON.parse(await cli.printed) as Record<string, unknown>;
    expect(line).toMatchObject({ token: 'CLI-TEST-TOKEN-0001', caFile: caOut, locationid: 2, legacy: true });
    expect(line.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(line.downloadHost).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(Number.isInteger(line.binaryPort) && (line.binaryPort as number) > 0).toBe(true);
    const ca = await readFile(caOut, 'utf8');
    const info = await apiCall(line.apiUrl as string, 'userinfo', {}, { bearer: line.token as string, ca });
    expect(info).toMatchObject({ result: 0 });
    cli.stop();
    expect(await cli.exit).toBe(0);
    expect(cli.out().trim().split('\n')).toHaveLength(1);
    await expect(apiCall(line.apiUrl as string, 'userinfo', {}, { ca })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('writes the CA to a temporary file when --ca-out is not given, and removes it on exit', async () => {
    const cli = start(['--json', '--tls']);
    const line = JSON.parse(await cli.printed) as { caFile: string };
    expect(existsSync(line.caFile)).toBe(true);
    cli.stop();
    expect(await cli.exit).toBe(0);
    expect(existsSync(line.caFile)).toBe(false);
  });

  it('without --json describes where it listens, in restriction mode by default, without printing the token', async () => {
    const cli = start(['--region', 'us']);
    await cli.printed;
    cli.stop();
    expect(await cli.exit).toBe(0);
    expect(cli.out()).toMatch(/^pCloud emulator \d+\.\d+\.\d+\S* with @pcloud\/core \d+\.\d+\.\d+\S* \(US, restriction mode\) listening/);
    expect(cli.out()).toMatch(/API: +http:\/\/127\.0\.0\.1:\d+/);
    expect(cli.out()).toContain('pCloud emulator stopped.');
  });

  it('serves HTTPS with a certificate and key given as files (--tls-cert/--tls-key)', async () => {
    const pems = await createThrowawayCertificate();
    const [cert, key] = [join(dir, 'server.pem'), join(dir, 'server-key.pem')];
    await writeFile(cert, pems.cert);
    await writeFile(key, pems.key);
    const cli = start(['--json', '--tls-cert', cert, '--tls-key', key]);
    const line = JSON.parse(await cli.printed) as { apiUrl: string; token: string; caFile?: string };
    try {
      expect(line.apiUrl).toMatch(/^https:/);
      expect(line.caFile).toBeUndefined();
      expect(await apiCall(line.apiUrl, 'userinfo', {}, { bearer: line.token, ca: pems.ca })).toMatchObject({ result: 0 });
    } finally {
      cli.stop();
      await cli.exit;
    }
    const missing = start(['--tls-cert', join(dir, 'nope.pem'), '--tls-key', key]);
    expect(await missing.exit).toBe(1);
    expect(missing.err()).toMatch(/^pcloud-emulator: cannot read .*nope\.pem: ENOENT\n$/);
  });

  it('keeps state and the token across a restart with --data-dir', async () => {
    const dataDir = join(dir, 'data');
    const first = start(['--json', '--data-dir', dataDir]);
    const one = JSON.parse(await first.printed) as { apiUrl: string; token: string };
    expect(await apiCall(one.apiUrl, 'createfolder', { path: '/Kept' }, { bearer: one.token })).toMatchObject({ result: 0 });
    first.stop();
    expect(await first.exit).toBe(0);
    const second = start(['--json', '--data-dir', dataDir]);
    const two = JSON.parse(await second.printed) as { apiUrl: string; token: string };
    try {
      expect(two.token).toBe(one.token);
      expect(await apiCall(two.apiUrl, 'stat', { path: '/Kept' }, { bearer: two.token })).toMatchObject({
        result: 0,
        metadata: { name: 'Kept' },
      });
    } finally {
      second.stop();
      await second.exit;
    }
  });

  it('maps the fault options onto the emulator', async () => {
    const cli = start(['--json', '--fail-every', '2', '--fail-result', '4000', '--fail-method', 'userinfo']);
    const { apiUrl, token } = JSON.parse(await cli.printed) as { apiUrl: string; token: string };
    try {
      expect(await apiCall(apiUrl, 'userinfo', {}, { bearer: token })).toMatchObject({ result: 0 });
      expect(await apiCall(apiUrl, 'userinfo', {}, { bearer: token })).toMatchObject({ result: 4000 });
      expect(await apiCall(apiUrl, 'listfolder', { folderid: 0 }, { bearer: token })).toMatchObject({ result: 0 });
      expect(await apiCall(apiUrl, 'listfolder', { folderid: 0 }, { bearer: token })).toMatchObject({ result: 0 });
    } finally {
      cli.stop();
      await cli.exit;
    }
  });

  it('maps the recursive-listing faults: 1101 for the root by default, --no-refuse-root-recursive, --max-recursive-entries', async () => {
    const strict = start(['--json']);
    const one = JSON.parse(await strict.printed) as { apiUrl: string; token: string };
    try {
      expect(await apiCall(one.apiUrl, 'listfolder', { folderid: 0, recursive: 1 }, { bearer: one.token })).toMatchObject({ result: 1101 });
    } finally {
      strict.stop();
      await strict.exit;
    }
    const open = start(['--json', '--no-refuse-root-recursive', '--max-recursive-entries', '2']);
    const two = JSON.parse(await open.printed) as { apiUrl: string; token: string };
    try {
      expect(await apiCall(two.apiUrl, 'listfolder', { folderid: 0, recursive: 1 }, { bearer: two.token })).toMatchObject({ result: 0 });
      for (const path of ['/a', '/a/b', '/a/c']) await apiCall(two.apiUrl, 'createfolder', { path }, { bearer: two.token });
      expect(await apiCall(two.apiUrl, 'listfolder', { path: '/a', recursive: 1 }, { bearer: two.token })).toMatchObject({ result: 0 });
      expect(await apiCall(two.apiUrl, 'listfolder', { folderid: 0, recursive: 1 }, { bearer: two.token })).toMatchObject({ result: 5000 });
    } finally {
      open.stop();
      await open.exit;
    }
  });

  it('refuses a --data-dir whose state.json cannot be parsed, in one line, exit code 1, leaving it as it was', async () => {
    const dataDir = join(dir, 'broken-state');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'state.json'), '{"version":1,"trees":{');
    const cli = start(['--data-dir', dataDir]);
    expect(await cli.exit).toBe(1);
    expect(cli.err()).toBe(
      `pcloud-emulator: cannot start: ${join(dataDir, 'state.json')} is not valid JSON; refusing to start so its files are not orphaned (repair it, or move it aside to start empty)\n`,
    );
    expect(await readFile(join(dataDir, 'state.json'), 'utf8')).toBe('{"version":1,"trees":{');
  });

  it('--idle-timeout takes whole seconds, 1 or more', async () => {
    const cli = start(['--idle-timeout', '0']);
    expect(await cli.exit).toBe(2);
    expect(cli.err()).toContain('--idle-timeout must be a whole number of seconds (1 or more)');
  });

  it('--help says what happens to an unparseable state.json', async () => {
    const cli = start(['--help']);
    expect(await cli.exit).toBe(0);
    expect(cli.out().replace(/\s+/g, ' ')).toContain('A state.json that cannot be parsed stops the start-up with an error');
  });

  it('reports a port already in use in one line, exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const cli = start(['--port', String(port)]);
      expect(await cli.exit).toBe(1);
      expect(cli.err()).toMatch(/^pcloud-emulator: cannot listen on 127\.0\.0\.1: a port is already in use .*\n$/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
