import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeRequest } from '@pcloud/core/binary';
import { createEmulator, type Emulator } from '../../src/index.js';
import { RawBinaryClient } from './raw-binary-client.js';

let emu: Emulator;
const clients: RawBinaryClient[] = [];
beforeAll(async () => {
  emu = await createEmulator();
});
afterAll(async () => {
  for (const client of clients) client.close();
  await emu.close();
});

async function connect(): Promise<RawBinaryClient> {
  const client = await RawBinaryClient.connect(emu.binaryPlainPort);
  clients.push(client);
  return client;
}

/** One call on a fresh connection with the seeded token. */
async function call(method: string, params: Record<string, string | number | boolean> = {}): Promise<Record<string, any>> {
  const client = await connect();
  client.write(encodeRequest(method, { access_token: emu.token, ...params }));
  const [answer] = await client.waitAnswers(1);
  client.close();
  return answer!.value as Record<string, any>;
}

const sha1 = (data: Buffer | string): string => createHash('sha1').update(data).digest('hex');

describe('binary listener: the same methods and answers as HTTP', () => {
  test('reports the same port for binaryPort and binaryPlainPort without TLS', () => {
    expect(emu.binaryPort).toBe(emu.binaryPlainPort);
    expect(emu.binaryPlainPort).toBeGreaterThan(0);
  });

  test('userinfo with access_token as a request parameter', async () => {
    const answer = await call('userinfo');
    expect(answer.result).toBe(0);
    expect(answer.email).toBe(emu.seeded.email);
  });

  test('errors are answers with result and error, and the connection stays open', async () => {
    const client = await connect();
    client.write(encodeRequest('stat', { path: '/no/such/file', access_token: emu.token }));
    client.write(encodeRequest('userinfo', {}));
    const answers = await client.waitAnswers(2);
    expect(answers[0]!.value).toMatchObject({ result: 2055 });
    expect(typeof answers[0]!.value.error).toBe('string');
    expect(answers[1]!.value.result).toBe(0);
    expect(client.closed).toBe(false);
  });

  test('without credentials: 1000; a wrong access_token: 2094', async () => {
    expect(await call('userinfo', { access_token: 'not-a-token' })).toMatchObject({ result: 2094 });
    const client = await connect();
    client.write(encodeRequest('listfolder', { folderid: 0 }));
    expect((await client.waitAnswers(1))[0]!.value).toMatchObject({ result: 1000, error: 'Log in required.' });
  });

  test('pipelined calls are answered in order, and one login serves the whole connection', async () => {
    const client = await connect();
    client.write(
      Buffer.concat([
        encodeRequest('createfolder', { path: '/Pipelined', access_token: emu.token }),
        encodeRequest('createfolder', { path: '/Pipelined/inner' }),
        encodeRequest('stat', { path: '/Pipelined/inner' }),
        encodeRequest('listfolder', { path: '/Pipelined', recursive: true }),
        encodeRequest('stat', { path: '/Pipelined/missing' }),
      ]),
    );
    const answers = (await client.waitAnswers(5)).map((a) => a.value as Record<string, any>);
    expect(answers.map((a) => a.result)).toEqual([0, 0, 0, 0, 2055]);
    expect(answers[2]!.metadata).toMatchObject({ name: 'inner', isfolder: true, folderid: answers[1]!.metadata.folderid });
    expect(answers[3]!.metadata.contents.map((c: { name: string }) => c.name)).toEqual(['inner']);
  });

  test('uploadfile takes the request data, also when it arrives in small pieces', async () => {
    const content = Buffer.from('hello, binary world\n'.repeat(5000));
    const folderid = emu.seedFolder('/BinUp');
    const client = await connect();
    const request = encodeRequest('uploadfile', { filename: 'hello.txt', folderid, access_token: emu.token }, content.length);
    const bytes = Buffer.concat([request, content, encodeRequest('checksumfile', { path: '/BinUp/hello.txt' })]);
    for (let at = 0; at < bytes.length; at += 7777) client.write(bytes.subarray(at, at + 7777));
    const [upload, checksum] = (await client.waitAnswers(2)).map((a) => a.value as Record<string, any>);
    expect(upload).toMatchObject({ result: 0, metadata: [{ name: 'hello.txt', size: content.length }] });
    expect(upload!.checksums[0].sha1).toBe(sha1(content));
    expect(checksum).toMatchObject({ result: 0, sha1: sha1(content) });
    expect(typeof checksum!.metadata.hash === 'bigint' || typeof checksum!.metadata.hash === 'number').toBe(true);
  });

  test('an empty file: the data flag with a length of 0', async () => {
    const folderid = emu.seedFolder('/BinEmpty');
    const answer = await call('uploadfile', { filename: 'empty.txt', folderid });
    // Without the data flag no file is sent at all (pcloud-api.md §12 item 15).
    expect(answer).toMatchObject({ result: 0, fileids: [] });
    const client = await connect();
    client.write(encodeRequest('uploadfile', { filename: 'empty.txt', folderid, access_token: emu.token }, 0));
    const [withFlag] = await client.waitAnswers(1);
    expect(withFlag!.value).toMatchObject({ result: 0, metadata: [{ name: 'empty.txt', size: 0 }] });
  });

  test('an upload refused before its data is read does not stall the next request', async () => {
    const client = await connect();
    const content = Buffer.alloc(2 * 1024 * 1024, 7);
    client.write(
      encodeRequest('uploadfile', { filename: 'x.bin', folderid: 999_999 }, content.length),
      content,
      encodeRequest('userinfo', { access_token: emu.token }),
    );
    const answers = await client.waitAnswers(2);
    expect(answers.map((a) => a.value.result)).toEqual([1000, 0]);
  });

  test('resumable upload: upload_write carries its chunk as data', async () => {
    const folderid = emu.seedFolder('/BinResumable');
    const client = await connect();
    client.write(encodeRequest('upload_create', { access_token: emu.token }));
    const [created] = await client.waitAnswers(1);
    const uploadid = created!.value.uploadid as number;
    const parts = [Buffer.from('first part, '), Buffer.from('second part')];
    client.write(
      encodeRequest('upload_write', { uploadid, uploadoffset: 0 }, parts[0]!.length),
      parts[0]!,
      encodeRequest('upload_write', { uploadid, uploadoffset: parts[0]!.length }, parts[1]!.length),
      parts[1]!,
      encodeRequest('upload_save', { uploadid, folderid, name: 'joined.txt' }),
    );
    const answers = await client.waitAnswers(4);
    expect(answers.slice(1).map((a) => a.value.result)).toEqual([0, 0, 0]);
    expect(answers[3]!.value).toMatchObject({ metadata: { name: 'joined.txt', size: 23 } });
    expect(await call('checksumfile', { path: '/BinResumable/joined.txt' })).toMatchObject({ sha1: sha1(Buffer.concat(parts)) });
  });

  test('the same state as HTTP: a file uploaded over binary is listed over HTTP', async () => {
    const folderid = emu.seedFolder('/Shared');
    const client = await connect();
    client.write(encodeRequest('uploadfile', { filename: 'über.txt', folderid, access_token: emu.token }, 3), Buffer.from('abc'));
    expect((await client.waitAnswers(1))[0]!.value.result).toBe(0);
    const listing = await fetch(`${emu.apiUrl}/listfolder?folderid=${folderid}`, { headers: { Authorization: `Bearer ${emu.token}` } });
    expect(await listing.text()).toContain('"name":"über.txt"');
  });
});
