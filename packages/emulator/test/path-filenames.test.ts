/**
 * Multipart file names that carry a path keep their last component (RFC 7578 §4.2), as pCloud
 * does for tomgross/pcloud's filesystem layer: it uploads with `uploadfile(path=FOLDER)` and names
 * the part with the whole remote path. The first test sends the body byte for byte as that
 * client's HTTP library (httpx) lays it out: the form fields in order, then the file part with a
 * content type guessed from the name, a 32-hex-digit boundary, no query string.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';
import { multipart } from './support/multipart.js';

function post(url: string, headers: Record<string, string | number>, body: Buffer): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text) as Record<string, any>));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function contentOf(emu: Emulator, fileid: number): Promise<string> {
  const link = await ok(emu, 'getfilelink', { fileid });
  return (await fetch(`http://${link.hosts[0]}${link.path}`)).text();
}

describe('multipart filename with a path', () => {
  let emu: Emulator;
  let folderid: number;
  beforeAll(async () => {
    emu = await startEmulator();
    folderid = emu.seedFolder('/folder');
  });
  afterAll(() => emu.close());

  test("tomgross/pcloud's PyFilesystem upload (filename = whole path) lands under the last component", async () => {
    const boundary = '5dd2dcf2613eaf0af7e0c762ebb522e2';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="path"\r\n\r\n/folder\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="access_token"\r\n\r\n${emu.token}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="/folder/note.txt"\r\nContent-Type: text/plain\r\n\r\n` +
        `hello from pyfs\r\n--${boundary}--\r\n`,
    );
    const headers = {
      Host: new URL(emu.apiUrl).host,
      Accept: '*/*',
      'Accept-Encoding': 'gzip, deflate',
      Connection: 'keep-alive',
      'User-Agent': 'python-httpx/0.28.1',
      'Content-Length': body.length,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
    };
    const answer = await post(`${emu.apiUrl}/uploadfile`, headers, body);
    expect(answer.result).toBe(0);
    expect(answer.metadata[0]).toMatchObject({ name: 'note.txt', parentfolderid: folderid, size: 15 });
    const stat = await ok(emu, 'stat', { path: '/folder/note.txt' });
    expect(stat.metadata.fileid).toBe(answer.fileids[0]);
    expect(await contentOf(emu, answer.fileids[0])).toBe('hello from pyfs');
  });

  test('a relative path keeps its last component too; a name that ends in a slash is still refused', async () => {
    const upload = async (filename: string): Promise<Record<string, any>> => {
      const { body, contentType } = multipart([{ name: 'file', filename, content: filename }]);
      return post(
        `${emu.apiUrl}/uploadfile?folderid=${folderid}`,
        { Authorization: `Bearer ${emu.token}`, 'Content-Type': contentType, 'Content-Length': body.length },
        body,
      );
    };
    const relative = await upload('deep/er/relative.txt');
    expect(relative.metadata[0]).toMatchObject({ name: 'relative.txt', parentfolderid: folderid });
    expect((await upload('/folder/')).result).toBe(2001);
    expect((await upload('/folder/..')).result).toBe(2001);
  });

  test('a filename parameter (PUT) carrying a path is still refused with 2001', async () => {
    const response = await fetch(`${emu.apiUrl}/uploadfile?folderid=${folderid}&filename=${encodeURIComponent('/folder/put.txt')}`, {
      method: 'PUT',
      body: 'x',
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    expect(JSON.parse(await response.text()).result).toBe(2001);
    expect((await api(emu, 'stat', { path: '/folder/put.txt' })).body.result).toBe(2055);
  });
});
