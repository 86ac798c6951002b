import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { downloadFile, isPCloudError, uploadFile } from '../../src/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startFiles, type FilesFixture } from './support/files-fixture.js';

let fx: FilesFixture;
beforeAll(async () => {
  fx = await startFiles({ tls: true });
});
afterAll(() => fx.close());

const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

test('over HTTPS with the emulator CA: up, then down from the content host', async () => {
  expect(fx.emu.apiUrl.startsWith('https://')).toBe(true);
  const content = randomBytes(256 * 1024);
  const dir = tempDir();
  await writeFile(join(dir, 'up.bin'), content);
  const up = await uploadFile(fx.client, join(dir, 'up.bin'), { folderid: 0, name: 'tls.bin' });
  await downloadFile(fx.client, { fileid: up.metadata.fileid }, join(dir, 'down.bin'));
  expect(sha1(await readFile(join(dir, 'down.bin')))).toBe(sha1(content));
});

test('a client without the CA refuses the certificate', async () => {
  const fileid = await fx.emu.seedFile('/untrusted.txt', 'x');
  const dir = tempDir();
  const untrusting = fx.newClient({ ca: undefined as never });
  const error = await downloadFile(untrusting, { fileid }, join(dir, 'x.txt')).catch((e: unknown) => e);
  expect(isPCloudError(error, 'TRANSPORT_ERROR')).toBe(true);
  expect((error as Error).message).toMatch(/certificate/i);
});
