/** Public links, identical over every transport (STYLE.md: one contract suite, every transport). */
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PCloudClient } from '../../src/client/create-client.js';
import { ApiError, PCloudError } from '../../src/errors.js';
import {
  changePublicLink,
  createFileLink,
  createFolderLink,
  deletePublicLink,
  linksTo,
  listPublicLinks,
} from '../../src/publinks/index.js';
import { startContract, TRANSPORTS, type ContractContext } from './contract-setup.js';

/** A GET over HTTPS trusting the emulator's CA; redirects are not followed. */
function get(url: string, ca: string | undefined): Promise<{ status: number; location?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ...(res.headers.location ? { location: res.headers.location } : {}),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(TRANSPORTS)('public links over $transport', ({ transport }) => {
  let ctx: ContractContext;
  let client: PCloudClient;
  const content = Buffer.from('a public file, byte for byte\n'.repeat(100));

  beforeAll(async () => {
    ctx = await startContract(transport);
    client = ctx.client();
  });
  afterAll(() => ctx.close());

  it("creates a file link whose page leads to the file's bytes", async () => {
    const fileid = await ctx.emu.seedFile('/Links/shared.txt', content);
    const created = await createFileLink(client, { fileid });
    expect(created).toEqual({ linkid: expect.any(Number), link: expect.stringMatching(/^https:\/\//), code: expect.any(String) });
    const page = await get(created.link, ctx.emu.ca);
    expect(page.status).toBe(200);
    const href = /id="download" href="([^"]+)"/.exec(page.body.toString())![1]!.replaceAll('&amp;', '&');
    const redirect = await get(new URL(href, created.link).toString(), ctx.emu.ca);
    expect(redirect.status).toBe(302);
    const bytes = await get(redirect.location!, ctx.emu.ca);
    expect(bytes.body.equals(content)).toBe(true);
  });

  it('sets the limits asked for even when the file already had a link, and lists them', async () => {
    const fileid = await ctx.emu.seedFile('/Links/limited.txt', 'limited');
    const plain = await createFileLink(client, { path: '/Links/limited.txt' });
    const expire = new Date('2099-05-06T07:08:09Z');
    const limited = await createFileLink(client, { fileid }, { expire, maxDownloads: 3 });
    expect(limited.linkid).toBe(plain.linkid);
    const [entry] = linksTo(await listPublicLinks(client), { fileid });
    expect(entry).toMatchObject({
      linkid: plain.linkid,
      maxdownloads: 3,
      expires: 'Wed, 06 May 2099 07:08:09 +0000',
      downloads: 0,
      metadata: { fileid, name: 'limited.txt' },
    });
  });

  it('creates a folder link, changes and removes its limits, deletes it', async () => {
    const folderid = ctx.emu.seedFolder('/Links/Folder');
    const created = await createFolderLink(client, { folderid }, { maxTraffic: 1 << 20 });
    const entryOf = async () => linksTo(await listPublicLinks(client), { folderid })[0];
    expect(await entryOf()).toMatchObject({ linkid: created.linkid, maxtraffic: 1 << 20, metadata: { folderid, isfolder: true } });
    await changePublicLink(client, created.linkid, { expire: 4_102_444_800, maxTraffic: null });
    const changed = await entryOf();
    expect(changed).toMatchObject({ expires: 'Fri, 01 Jan 2100 00:00:00 +0000' });
    expect(changed?.maxtraffic).toBeUndefined();
    await changePublicLink(client, created.linkid, { expire: null });
    expect((await entryOf())?.expires).toBeUndefined();
    await deletePublicLink(client, created.linkid);
    expect(await entryOf()).toBeUndefined();
    const again = await deletePublicLink(client, created.linkid).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(ApiError);
    expect(again).toMatchObject({ result: 2027, method: 'deletepublink' });
  });

  it("answers pCloud's errors: a missing file, the root folder", async () => {
    await expect(createFileLink(client, { path: '/Links/missing.txt' })).rejects.toMatchObject({ result: 2009, method: 'getfilepublink' });
    await expect(createFolderLink(client, { folderid: 0 })).rejects.toMatchObject({ result: 2015 });
  });

  it('refuses bad limits before sending anything', async () => {
    const fileid = await ctx.emu.seedFile('/Links/untouched.txt', 'u');
    for (const limits of [{ maxDownloads: 0 }, { maxDownloads: 1.5 }, { maxTraffic: -1 }, { expire: new Date('not a date') }]) {
      const error = await createFileLink(client, { fileid }, limits).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PCloudError);
      expect(error).toMatchObject({ code: 'USAGE_ERROR' });
    }
    expect(linksTo(await listPublicLinks(client), { fileid })).toEqual([]);
    await expect(changePublicLink(client, 1, {})).rejects.toMatchObject({
      code: 'USAGE_ERROR',
      message: 'Nothing to change on public link 1.',
    });
  });
});
