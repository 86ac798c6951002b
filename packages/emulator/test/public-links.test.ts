import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const content = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
const anonymous = { token: null } as const;

async function page(url: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** The download button's target on a file's page, resolved against the page URL. */
function downloadHref(html: string, pageUrl: string, id = 'download'): string {
  const match = new RegExp(`id="${id}" href="([^"]+)"`).exec(html);
  if (!match) throw new Error(`no ${id} link in ${html}`);
  return new URL(match[1]!.replaceAll('&amp;', '&'), pageUrl).toString();
}

describe('getfilepublink', () => {
  test('answers linkid, code and a link whose page downloads the file; asking again gives the same link', async () => {
    const fileid = await emu.seedFile('/Share/report.pdf', content);
    const created = await ok(emu, 'getfilepublink', { fileid });
    expect(Object.keys(created).sort()).toEqual(['code', 'link', 'linkid', 'result']);
    expect(created.code).toMatch(/^[A-Za-z0-9]{34}$/);
    expect(created.link).toBe(`${emu.apiUrl}/publink/show?code=${created.code}`);
    expect(await ok(emu, 'getfilepublink', { path: '/Share/report.pdf' })).toEqual(created);

    const shown = await page(created.link);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(shown.html).toContain('<h1 id="name">report.pdf</h1>');
    expect(shown.html).toContain('<span id="size">3000</span>');
    const bytes = await fetch(downloadHref(shown.html, created.link));
    expect(bytes.status).toBe(200);
    expect(bytes.url.startsWith(emu.downloadUrl)).toBe(true);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(content)).toBe(true);
  });

  test('errors: 1000 without credentials, 1004, 2009, 2010, 2002, 1013 for an expiry not understood', async () => {
    await emu.seedFile('/Share/e.txt', 'e');
    expect((await api(emu, 'getfilepublink', { path: '/Share/e.txt' }, anonymous)).body).toEqual({
      result: 1000,
      error: 'Log in required.',
    });
    expect((await api(emu, 'getfilepublink')).body.result).toBe(1004);
    expect((await api(emu, 'getfilepublink', { fileid: 999_999 })).body).toEqual({ result: 2009, error: 'File not found.' });
    expect((await api(emu, 'getfilepublink', { path: 'Share/e.txt' })).body.result).toBe(2010);
    expect((await api(emu, 'getfilepublink', { path: '/Nowhere/e.txt' })).body.result).toBe(2002);
    expect((await api(emu, 'getfilepublink', { path: '/Share/e.txt', expire: 'next tuesday' })).body).toEqual({
      result: 1013,
      error: 'Date/time format not understood.',
    });
  });

  test('2014 for an account whose email is not verified', async () => {
    const fileid = await emu.seedFile('/Share/unverified.txt', 'u');
    const account = emu.state.identity.accounts.get(emu.seeded.userid)!;
    account.emailverified = false;
    try {
      expect((await api(emu, 'getfilepublink', { fileid })).body.result).toBe(2014);
    } finally {
      account.emailverified = true;
    }
  });

  test('a link password is refused rather than silently ignored', async () => {
    const fileid = await emu.seedFile('/Share/secret.txt', 's');
    expect((await api(emu, 'getfilepublink', { fileid, linkpassword: 'hunter22' })).body).toEqual({
      result: 2003,
      error: 'Link passwords are not emulated.',
    });
  });
});

describe('getfolderpublink', () => {
  test('lists the tree on its page, each file downloadable; getpublinkdownload needs a fileid inside the folder', async () => {
    const folderid = emu.seedFolder('/Album');
    const inside = await emu.seedFile('/Album/Disc 1/track.mp3', content.subarray(0, 100));
    await emu.seedFile('/Album/cover.jpg', content.subarray(0, 10));
    const outside = await emu.seedFile('/Elsewhere/other.txt', 'no');
    const created = await ok(emu, 'getfolderpublink', { folderid });
    const shown = await page(created.link);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('<h1 id="name">Album/</h1>');
    expect(shown.html).toMatch(/<li class="folder">Disc 1\/<ul><li class="file"><a href="[^"]+">track\.mp3<\/a> \(100 bytes\)/);
    const trackHref = new RegExp(`href="([^"]*fileid=${inside})"`).exec(shown.html)![1]!;
    const track = await fetch(new URL(trackHref.replaceAll('&amp;', '&'), created.link));
    expect(Buffer.from(await track.arrayBuffer()).equals(content.subarray(0, 100))).toBe(true);

    expect((await api(emu, 'getpublinkdownload', { code: created.code }, anonymous)).body.result).toBe(1029);
    expect((await api(emu, 'getpublinkdownload', { code: created.code, fileid: outside }, anonymous)).body.result).toBe(2009);
    const answer = (await api(emu, 'getpublinkdownload', { code: created.code, fileid: inside, forcedownload: 1 }, anonymous)).body;
    expect(answer).toMatchObject({ result: 0, hosts: [emu.downloadHost], size: 100 });
    expect(answer.path).toMatch(/\/track\.mp3$/);
  });

  test('showpublink needs no credentials and describes the folder with its whole tree', async () => {
    const folderid = emu.seedFolder('/Shown');
    await emu.seedFile('/Shown/a/b.txt', 'bb');
    const { code } = await ok(emu, 'getfolderpublink', { path: '/Shown' });
    const shown = (await api(emu, 'showpublink', { code }, anonymous)).body;
    expect(shown.metadata).toMatchObject({ folderid, name: 'Shown', isfolder: true, isshared: false });
    expect(shown.metadata.parentfolderid).toBeUndefined();
    expect(shown.metadata.contents).toEqual([
      expect.objectContaining({ name: 'a', contents: [expect.objectContaining({ name: 'b.txt', size: 2 })] }),
    ]);
  });

  test('errors: 1002, 2005, 2015 for the root folder', async () => {
    expect((await api(emu, 'getfolderpublink')).body.result).toBe(1002);
    expect((await api(emu, 'getfolderpublink', { folderid: 987_654 })).body.result).toBe(2005);
    expect((await api(emu, 'getfolderpublink', { path: '/No such folder' })).body.result).toBe(2005);
    expect((await api(emu, 'getfolderpublink', { folderid: 0 })).body).toEqual({ result: 2015, error: 'Can not share root folder.' });
  });
});

describe('showpublink and the page without a usable code', () => {
  test('1028 without a code, 7001 for an unknown one; the page says so with 400 and 404', async () => {
    expect((await api(emu, 'showpublink', {}, anonymous)).body).toEqual({ result: 1028, error: "Please provide link 'code'." });
    expect((await api(emu, 'showpublink', { code: 'nope' }, anonymous)).body).toEqual({ result: 7001, error: "Invalid link 'code'." });
    expect((await page(`${emu.apiUrl}/publink/show`)).status).toBe(400);
    const unknown = await page(`${emu.apiUrl}/publink/show?code=nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('Invalid link &#39;code&#39;.');
    expect((await fetch(`${emu.apiUrl}/publink/download?code=x`, { method: 'HEAD' })).status).toBe(405);
  });
});

describe('hostile names', () => {
  test('a file and a folder named with markup are escaped on their pages, which forbid scripts', async () => {
    const evil = `<img src=x onerror=alert("x")>&'.txt`;
    const fileid = await emu.seedFile(`/Evil/<b onmouseover="x">/${evil}`, 'evil');
    const fileLink = await ok(emu, 'getfilepublink', { fileid });
    const filePage = await page(fileLink.link);
    expect(filePage.html).not.toContain('<img');
    expect(filePage.html).toContain('<h1 id="name">&lt;img src=x onerror=alert(&quot;x&quot;)&gt;&amp;&#39;.txt</h1>');
    expect(filePage.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(filePage.headers.get('cache-control')).toBe('no-store');

    const folderLink = await ok(emu, 'getfolderpublink', { path: '/Evil' });
    const folderPage = await page(folderLink.link);
    expect(folderPage.html).not.toContain('<img');
    expect(folderPage.html).not.toContain('<b onmouseover');
    expect(folderPage.html).toContain('&lt;b onmouseover=&quot;x&quot;&gt;/');
    const bytes = await fetch(downloadHref(filePage.html, fileLink.link));
    expect(await bytes.text()).toBe('evil');
  });
});

describe('listpublinks, changepublink, deletepublink', () => {
  test('list shows codes, dates, counters, limits and the metadata; folders without contents', async () => {
    const fileid = await emu.seedFile('/Listed/song.mp3', content.subarray(0, 50));
    const folderid = emu.seedFolder('/Listed/Dir');
    const file = await ok(emu, 'getfilepublink', { fileid, maxdownloads: 5, expire: '2099-01-02T03:04:05Z' });
    const folder = await ok(emu, 'getfolderpublink', { folderid, maxtraffic: 4096 });
    await api(emu, 'getpublinkdownload', { code: file.code }, anonymous);
    const { publinks } = await ok(emu, 'listpublinks');
    const fileEntry = publinks.find((l: { linkid: number }) => l.linkid === file.linkid);
    const folderEntry = publinks.find((l: { linkid: number }) => l.linkid === folder.linkid);
    expect(fileEntry).toMatchObject({
      code: file.code,
      link: file.link,
      downloads: 1,
      traffic: 0,
      maxdownloads: 5,
      expires: 'Fri, 02 Jan 2099 03:04:05 +0000',
    });
    expect(fileEntry.metadata).toMatchObject({ fileid, name: 'song.mp3', size: 50 });
    expect(typeof fileEntry.created).toBe('string');
    expect(typeof fileEntry.modified).toBe('string');
    expect(folderEntry).toMatchObject({ maxtraffic: 4096, downloads: 0, metadata: { folderid, isfolder: true } });
    expect(folderEntry.metadata.contents).toBeUndefined();
    expect(folderEntry.expires).toBeUndefined();
    expect(folderEntry.maxdownloads).toBeUndefined();
  });

  test('changepublink sets and removes the expiry and limits, and makes a short link that works like the code', async () => {
    const fileid = await emu.seedFile('/Changed/a.txt', 'aaa');
    const { linkid, code } = await ok(emu, 'getfilepublink', { fileid });
    const entry = async (): Promise<Record<string, any>> =>
      (await ok(emu, 'listpublinks')).publinks.find((l: { linkid: number }) => l.linkid === linkid);
    expect(await ok(emu, 'changepublink', { linkid, expire: 4_102_444_800, maxdownloads: 3 })).toEqual({ result: 0 });
    expect(await entry()).toMatchObject({ expires: 'Fri, 01 Jan 2100 00:00:00 +0000', maxdownloads: 3 });
    await ok(emu, 'changepublink', { linkid, deleteexpire: 1, maxdownloads: 0 });
    const cleared = await entry();
    expect(cleared.expires).toBeUndefined();
    expect(cleared.maxdownloads).toBeUndefined();
    const short = await ok(emu, 'changepublink', { linkid, shortlink: 1 });
    expect(short.shortcode).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(short.shortlink).toBe(`${emu.apiUrl}/publink/show?code=${short.shortcode}`);
    expect((await api(emu, 'showpublink', { code: short.shortcode }, anonymous)).body.metadata).toMatchObject({ fileid });
    expect(await entry()).toMatchObject({ code, shortcode: short.shortcode, shortlink: short.shortlink });
    await ok(emu, 'changepublink', { linkid, deleteshortlink: 1 });
    expect((await api(emu, 'showpublink', { code: short.shortcode }, anonymous)).body.result).toBe(7001);
    expect((await api(emu, 'changepublink', { linkid, expire: 'soon' })).body.result).toBe(1013);
    expect((await api(emu, 'changepublink', { expire: 1 })).body.result).toBe(1030);
    expect((await api(emu, 'changepublink', { linkid: 424_242, expire: 1 })).body).toEqual({
      result: 2027,
      error: 'Invalid or already deleted link.',
    });
  });

  test('deletepublink ends the link at once: its code answers 7002, its page 410, and it leaves the list', async () => {
    const fileid = await emu.seedFile('/Deleted/d.txt', 'd');
    const { linkid, code, link } = await ok(emu, 'getfilepublink', { fileid });
    expect((await api(emu, 'deletepublink')).body.result).toBe(1030);
    expect(await ok(emu, 'deletepublink', { linkid })).toEqual({ result: 0 });
    expect((await api(emu, 'deletepublink', { linkid })).body).toEqual({ result: 2027, error: 'Invalid or already deleted link.' });
    expect((await api(emu, 'showpublink', { code }, anonymous)).body).toEqual({
      result: 7002,
      error: 'This link is deleted by the owner.',
    });
    expect((await api(emu, 'getpublinkdownload', { code }, anonymous)).body.result).toBe(7002);
    const gone = await page(link);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('This link is deleted by the owner.');
    expect((await ok(emu, 'listpublinks')).publinks.some((l: { linkid: number }) => l.linkid === linkid)).toBe(false);
    expect((await ok(emu, 'getfilepublink', { fileid })).linkid).not.toBe(linkid);
  });

  test('a link to a file that went to the trash stops serving and is no longer listed', async () => {
    const fileid = await emu.seedFile('/Trashed/t.txt', 't');
    const { linkid, code } = await ok(emu, 'getfilepublink', { fileid });
    await ok(emu, 'deletefile', { fileid });
    expect((await api(emu, 'showpublink', { code }, anonymous)).body.result).toBe(7002);
    expect((await ok(emu, 'listpublinks')).publinks.some((l: { linkid: number }) => l.linkid === linkid)).toBe(false);
    expect(await ok(emu, 'deletepublink', { linkid })).toEqual({ result: 0 });
  });
});

describe('restriction mode and app folders', () => {
  test('OAuth access tokens may create, list, change and delete links in restriction mode', async () => {
    expect(emu.state.restricted).toBe(true);
    const fileid = await emu.seedFile('/OAuth/o.txt', 'o');
    const created = await ok(emu, 'getfilepublink', { fileid });
    expect((await ok(emu, 'listpublinks')).publinks.length).toBeGreaterThan(0);
    await ok(emu, 'changepublink', { linkid: created.linkid, maxdownloads: 9 });
    await ok(emu, 'deletepublink', { linkid: created.linkid });
  });

  test("a private app folder's token links its own items and neither sees nor touches the others", async () => {
    const app = { token: emu.seeded.appFolderAccessToken };
    const outside = await ok(emu, 'getfilepublink', { fileid: await emu.seedFile('/Private/p.txt', 'p') });
    expect((await api(emu, 'getfilepublink', { path: '/Private/p.txt' }, app)).body.result).not.toBe(0);
    await api(emu, 'createfolder', { path: '/Mine' }, app);
    const mine = (await api(emu, 'getfolderpublink', { path: '/Mine' }, app)).body;
    expect(mine.result).toBe(0);
    const listed = (await api(emu, 'listpublinks', {}, app)).body.publinks;
    expect(listed.map((l: { linkid: number }) => l.linkid)).toEqual([mine.linkid]);
    expect(listed[0].metadata).toMatchObject({ name: 'Mine', parentfolderid: 0 });
    expect((await api(emu, 'deletepublink', { linkid: outside.linkid }, app)).body.result).toBe(2027);
    expect((await api(emu, 'changepublink', { linkid: outside.linkid, maxdownloads: 1 }, app)).body.result).toBe(2027);
  });
});
