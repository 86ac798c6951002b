import { listPublicLinks, type PublicLink } from '@pcloud/core';
import { listTokens } from '@pcloud/core/internal';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { pcutil } from '../support/run-pcutil.js';
import { remoteSnapshot } from '../support/snapshot.js';

// The default emulator is in restriction mode (pCloud 2026) and the tests log in with an OAuth
// token: public links are among the methods pCloud still allows such tokens.
const fx = useEmulator();

async function linksNamed(name: string): Promise<PublicLink[]> {
  return (await listPublicLinks(fx.client)).filter((link) => link.metadata.name === name);
}

describe('link creates public links', () => {
  it('runs where pCloud refuses OAuth tokens what it restricts: the token here is one, and links still work', async () => {
    await expect(listTokens(fx.client)).rejects.toMatchObject({ result: 1000 });
    await fx.emulator.seedFile('/ln0/f.txt', 'f');
    const run = await pcutil(fx.emulator, ['link', 'p:/ln0/f.txt']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^https?:\/\/\S+\n$/);
  });

  it('prints the URL of a new link to a file, and the page it names serves the file', async () => {
    await fx.emulator.seedFile('/ln1/report.pdf', 'the report');
    const run = await pcutil(fx.emulator, ['link', 'p:/ln1/report.pdf']);
    expect(run.code, run.stderr).toBe(0);
    const url = run.stdout.trim();
    expect(run.stdout).toBe(`${url}\n`);
    const links = await linksNamed('report.pdf');
    expect(links.map((link) => link.link)).toEqual([url]);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('report.pdf');
  });

  it('--expire and --max-downloads set the limits; a folder gets a folder link; --json gives the id', async () => {
    await fx.emulator.seedFile('/ln2/Trip/a.jpg', 'a');
    const before = Math.floor(Date.now() / 1000);
    const run = await pcutil(fx.emulator, ['link', '--json', '--expire', '7d', '--max-downloads', '3', 'ln2/Trip']);
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { linkid: number; link: string; expires: string; maxdownloads: number };
    const [link] = await linksNamed('Trip');
    expect(link?.metadata.isfolder).toBe(true);
    expect(answer).toMatchObject({ linkid: link?.linkid, link: link?.link, maxdownloads: 3 });
    expect(link?.maxdownloads).toBe(3);
    const expires = Date.parse(String(link?.expires)) / 1000;
    expect(expires).toBeGreaterThanOrEqual(before + 7 * 86_400 - 1);
    expect(expires).toBeLessThan(before + 8 * 86_400);
    const dated = await pcutil(fx.emulator, ['link', '--expire', '2099-12-31', 'p:/ln2/Trip/a.jpg']);
    expect(dated.code, dated.stderr).toBe(0);
    const [file] = await linksNamed('a.jpg');
    expect(new Date(Date.parse(String(file?.expires))).getFullYear()).toBe(2099);
  });
});

describe('link --list and --delete', () => {
  it('--list shows each link with its id, URL, name and limits; --json the same facts', async () => {
    await fx.emulator.seedFile('/ln3/song.mp3', 'la');
    const made = await pcutil(fx.emulator, ['link', '--max-downloads', '5', 'p:/ln3/song.mp3']);
    const [link] = await linksNamed('song.mp3');
    const list = await pcutil(fx.emulator, ['link', '--list']);
    expect(list.code, list.stderr).toBe(0);
    const row = list.stdout.split('\n').find((line) => line.includes('song.mp3'));
    expect(row).toBe(`${String(link?.linkid).padStart(10)}  ${made.stdout.trim()}  song.mp3  0 of 5 download(s), never expires`);
    const json = await pcutil(fx.emulator, ['link', '--list', '--json']);
    const entries = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(entries.find((entry) => entry.name === 'song.mp3')).toMatchObject({
      linkid: link?.linkid,
      kind: 'file',
      downloads: 0,
      maxdownloads: 5,
    });
  });

  it('--delete PATH deletes every link to it; --delete LINKID one link; the pages stop working', async () => {
    await fx.emulator.seedFile('/ln4/x.txt', 'x');
    await fx.emulator.seedFile('/ln4/y.txt', 'y');
    const first = (await pcutil(fx.emulator, ['link', 'p:/ln4/x.txt'])).stdout.trim();
    await pcutil(fx.emulator, ['link', 'p:/ln4/y.txt']);
    const [y] = await linksNamed('y.txt');
    const byPath = await pcutil(fx.emulator, ['link', '--delete', 'p:/ln4/x.txt']);
    expect(byPath.code, byPath.stderr).toBe(0);
    expect(byPath.stdout).toMatch(/^deleted link \d+\n$/);
    expect(await linksNamed('x.txt')).toEqual([]);
    expect((await fetch(first)).status).not.toBe(200);
    const byId = await pcutil(fx.emulator, ['link', '--delete', String(y?.linkid)]);
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toBe(`deleted link ${y?.linkid}\n`);
    expect(await linksNamed('y.txt')).toEqual([]);
    const again = await pcutil(fx.emulator, ['link', '--delete', 'p:/ln4/x.txt']);
    expect(again.code).not.toBe(0);
    expect(again.stderr.split('\n')[0]).toBe('pcutil: p:/ln4/x.txt has no public link');
    const gone = await pcutil(fx.emulator, ['link', '--delete', String(y?.linkid)]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr.split('\n')[0]).toBe('pcutil: deletepublink: Invalid or already deleted link. (2027)');
  });
});

describe('bad input: one line, nothing changed', () => {
  const cases: Array<[string[], RegExp]> = [
    [['link'], /^pcutil: link needs a PATH \(or --list\)$/m],
    [['link', '--expire', 'soon', 'p:/ln5/f'], /^pcutil: --expire "soon" is not a time: use a duration/m],
    [['link', '--expire', '2020-01-01', 'p:/ln5/f'], /^pcutil: --expire 2020-01-01 is already past: the link would never work$/m],
    [['link', '--max-downloads', '0', 'p:/ln5/f'], /max-downloads/],
    [['link', '--list', 'p:/ln5/f'], /^pcutil: --list lists every link of the account: it takes no PATH$/m],
    [['link', '--list', '--delete'], /^pcutil: --list and --delete cannot be combined$/m],
    [['link', '--delete', '--expire', '7d', 'p:/ln5/f'], /^pcutil: --expire and --max-downloads apply when a link is created/m],
  ];
  for (const [index, [args, message]] of cases.entries()) {
    it(args.join(' '), async () => {
      await fx.emulator.seedFile(`/ln5/${index}/f`, 'f');
      const before = await remoteSnapshot(fx.client);
      const links = (await listPublicLinks(fx.client)).length;
      const run = await pcutil(fx.emulator, args);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toMatch(message);
      expect(await remoteSnapshot(fx.client)).toEqual(before);
      expect((await listPublicLinks(fx.client)).length).toBe(links);
    });
  }

  it('a missing PATH is named', async () => {
    const run = await pcutil(fx.emulator, ['link', 'p:/ln6/nothing']);
    expect(run.code).not.toBe(0);
    expect(run.stderr.split('\n')[0]).toBe('pcutil: p:/ln6/nothing: no such file or folder');
  });
});
