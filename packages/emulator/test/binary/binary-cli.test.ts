import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { encodeRequest } from '@pcloud/core/binary';
import { run } from '../../src/cli.js';
import { RawBinaryClient } from './raw-binary-client.js';

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs the bin in-process until its JSON line is printed. */
async function start(argv: string[]) {
  const stop = new AbortController();
  let out = '';
  let printed: (line: string) => void = () => undefined;
  const line = new Promise<string>((resolve) => (printed = resolve));
  const exit = run(['--json', ...argv], {
    stdout: { write: (text: string) => ((out += text), out.includes('\n') && printed(out.slice(0, out.indexOf('\n')))) },
    stderr: { write: (text: string) => printed(text) },
    signal: stop.signal,
  });
  return { json: JSON.parse(await line) as Record<string, any>, exit, stop: () => stop.abort() };
}

async function userinfo(port: number, token: string, ca?: string): Promise<unknown> {
  const client = await RawBinaryClient.connect(port, ca);
  client.write(encodeRequest('userinfo', { access_token: token }));
  const [answer] = await client.waitAnswers(1);
  client.close();
  return answer?.value.result;
}

describe('pcloud-emulator --binary-port / --binary-plain-port', () => {
  it('with --tls: binaryPort is the TLS listener, binaryPlainPort the plain one, both on the ports asked for', async () => {
    const [tlsPort, plainPort] = [await freePort(), await freePort()];
    const cli = await start(['--tls', '--binary-port', String(tlsPort), '--binary-plain-port', String(plainPort)]);
    expect(cli.json).toMatchObject({ binaryPort: tlsPort, binaryPlainPort: plainPort });
    const ca = await readFile(cli.json.caFile as string, 'utf8');
    expect(await userinfo(tlsPort, cli.json.token, ca)).toBe(0);
    expect(await userinfo(plainPort, cli.json.token)).toBe(0);
    cli.stop();
    expect(await cli.exit).toBe(0);
  });

  it('without TLS: one plain listener, reported as both fields', async () => {
    const port = await freePort();
    const cli = await start(['--binary-port', String(port)]);
    expect(cli.json).toMatchObject({ binaryPort: port, binaryPlainPort: port });
    expect(await userinfo(port, cli.json.token)).toBe(0);
    cli.stop();
    expect(await cli.exit).toBe(0);
  });

  it('refuses a port number out of range as a usage error', async () => {
    let err = '';
    const code = await run(['--binary-plain-port', '70000'], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => ((err += text), true) },
      signal: new AbortController().signal,
    });
    expect(code).toBe(2);
    expect(err).toContain('--binary-plain-port must be a port number');
  });
});
