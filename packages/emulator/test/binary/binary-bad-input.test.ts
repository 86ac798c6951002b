import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeRequest } from '@pcloud/core/binary';
import { createEmulator, type Emulator } from '../../src/index.js';
import { RawBinaryClient } from './raw-binary-client.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await createEmulator();
});
afterAll(() => emu.close());

/** Writes `bytes` on a fresh connection; returns the answers that came before the server closed it. */
async function sendAndWaitClose(...bytes: Buffer[]): Promise<Array<Record<string, unknown>>> {
  const client = await RawBinaryClient.connect(emu.binaryPlainPort);
  client.write(...bytes);
  await client.waitClosed();
  return client.answers.map((a) => a.value);
}

/** The emulator still serves a well-formed call on a new connection. */
async function stillServes(): Promise<void> {
  const client = await RawBinaryClient.connect(emu.binaryPlainPort);
  client.write(encodeRequest('userinfo', { access_token: emu.token }));
  const [answer] = await client.waitAnswers(1);
  client.close();
  expect(answer?.value.result).toBe(0);
}

const userinfo = (): Buffer => encodeRequest('userinfo', { access_token: emu.token });

describe('binary listener: bad input closes only that connection (pcloud-api.md §9.5)', () => {
  test.each([
    ['an unknown method', () => encodeRequest('nosuchmethod', { access_token: emu.token })],
    ['an undefined parameter type (3)', () => Buffer.from('09000473746174 01 c161 00'.replace(/ /g, ''), 'hex')],
    ['an empty method name', () => Buffer.from('02000000', 'hex')],
    ['a parameter count above the parameters sent', () => Buffer.from('0600047374617401', 'hex')],
    ['bytes left after the parameters', () => Buffer.from('07000473746174 00 00'.replace(/ /g, ''), 'hex')],
    ['invalid UTF-8 in a string', () => Buffer.from('1000047374617401047061746801000000ff', 'hex')],
  ])('%s: earlier calls are answered, then the connection is closed', async (_name, bad) => {
    const answers = await sendAndWaitClose(userinfo(), bad(), userinfo());
    expect(answers.map((a) => a.result)).toEqual([0]);
    await stillServes();
  });

  test("a string length counted in characters (ORIG's bug with non-ASCII names) never hangs or crashes", async () => {
    const good = encodeRequest('uploadfile', { filename: 'é.txt', folderid: 0, access_token: emu.token }, 3);
    const bad = Buffer.from(good);
    bad.writeUInt32LE(5, bad.indexOf(Buffer.from('c3a9', 'hex')) - 4);
    const answers = await sendAndWaitClose(bad, Buffer.from('abc'));
    // Either an error answer or a closed connection; never a stored file.
    for (const answer of answers) expect(answer.result).not.toBe(0);
    await stillServes();
  });

  test('a connection closed in the middle of a frame or of upload data leaves the server serving', async () => {
    for (const cut of [1, 5, 30]) {
      const client = await RawBinaryClient.connect(emu.binaryPlainPort);
      client.write(encodeRequest('uploadfile', { filename: 'cut.txt', folderid: 0, access_token: emu.token }, 1000).subarray(0, cut));
      client.close();
    }
    const client = await RawBinaryClient.connect(emu.binaryPlainPort);
    client.write(encodeRequest('uploadfile', { filename: 'cut.txt', folderid: 0, access_token: emu.token }, 1000), Buffer.alloc(10));
    client.socket.end();
    await client.waitClosed();
    await stillServes();
    const listing = await fetch(`${emu.apiUrl}/stat?path=/cut.txt`, { headers: { Authorization: `Bearer ${emu.token}` } });
    expect(((await listing.json()) as { result: number }).result).toBe(2055);
  });

  test('random garbage on many connections at once: all closed, none answered with success, server fine', async () => {
    let seed = 1;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const runs = Array.from({ length: 20 }, async () => {
      const garbage = Buffer.from(Array.from({ length: 64 + (next() % 512) }, () => next() % 256));
      garbage.writeUInt16LE(garbage.length - 2, 0);
      const answers = await sendAndWaitClose(garbage);
      for (const answer of answers) expect(answer.result).not.toBe(0);
    });
    await Promise.all(runs);
    await stillServes();
  });

  test('a client that half-closes after pipelining still gets every answer', async () => {
    const client = await RawBinaryClient.connect(emu.binaryPlainPort);
    client.write(userinfo(), userinfo(), userinfo());
    client.socket.end();
    await client.waitClosed();
    expect(client.answers.map((a) => a.value.result)).toEqual([0, 0, 0]);
  });
});
