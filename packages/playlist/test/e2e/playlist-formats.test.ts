import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';

// One playlist per format case; each must give the same three tracks, in order.
let world: MusicWorld;
const [first, second, third] = libraryTracks()
  .filter((track) => /^(Björk|Simon & Garfunkel|坂本龍一)\//.test(track))
  .filter((_, i) => i % 24 === 5) as [string, string, string];
const three = [first, second, third];
const win = (track: string) => track.replace(/\//g, '\\');
const uri = (track: string) => track.split('/').map(encodeURIComponent).join('/');
const latin1 = (text: string) => Buffer.from(text, 'latin1');

const corpus: Record<string, string | Buffer> = {
  'simple.m3u': three.map((t) => `/home/me/Music/${t}`).join('\n'),
  'extended.m3u8': `#EXTM3U\n${three.map((t, i) => `#EXTINF:${i === 1 ? -1 : 215},Artist - Title, with comma\n/home/me/Music/${t}`).join('\n')}\n`,
  'attributes.m3u8': `#EXTM3U\n${three.map((t) => `#EXTINF:-1 tvg-id="a,b" group-title="x",Title\n/home/me/Music/${t}`).join('\n')}`,
  'crlf.m3u': `#EXTM3U\r\n${three.map((t) => `#EXTINF:1,x\r\n/home/me/Music/${t}`).join('\r\n')}\r\n`,
  'old-mac.m3u': `#EXTM3U\r${three.map((t) => `/home/me/Music/${t}`).join('\r')}\r`,
  'bom.m3u8': `\uFEFF#EXTM3U\n${three.map((t) => `/home/me/Music/${t}`).join('\n')}`,
  'comments.m3u': `# my playlist\n\n${three.map((t) => `  /home/me/Music/${t}  \n# between\n\n`).join('')}`,
  'windows.m3u8': three.map((t) => `C:\\Users\\me\\Music\\${win(t)}`).join('\r\n'),
  'file-uris.m3u8': three.map((t) => `file:///home/me/Music/${uri(t)}`).join('\n'),
  'windows-uris.m3u': three.map((t) => `file:///C:/Users/me/Music/${uri(t)}`).join('\n'),
};

beforeAll(async () => {
  world = await createMusicWorld({ legacy: true });
  for (const [name, content] of Object.entries(corpus)) await world.write(`corpus/${name}`, content);
  // Relative entries, from a playlist that lives inside the music tree.
  await world.write('home/me/Music/Lists/relative.m3u', three.map((t) => `../${t}`).join('\n'));
  await world.write('home/me/Music/Lists/relative-windows.m3u', three.map((t) => `..\\${win(t)}`).join('\n'));
});
afterAll(() => world.close());

it.each(Object.keys(corpus))('%s gives the three tracks in order', async (file) => {
  const prefix = file.startsWith('windows') ? 'C:\\Users\\me\\Music' : '/home/me/Music';
  const result = await world.run(['--prefix', prefix, `corpus/${file}`]);
  expect(result).toEqual({ code: 0, stdout: `created ${JSON.stringify(file.replace(/\.m3u8?$/, ''))}: 3 tracks\n`, stderr: '' });
  expect((await world.playlist(file.replace(/\.m3u8?$/, '')))?.fileids).toEqual(three.map((t) => world.fileids.get(t)));
});

it.each(['relative.m3u', 'relative-windows.m3u'])(
  '%s: relative entries resolve against the playlist folder, then the prefix',
  async (file) => {
    const result = await world.run(['--prefix', 'home/me/Music', `home/me/Music/Lists/${file}`]);
    expect(result.code).toBe(0);
    expect((await world.playlist(file.replace('.m3u', '')))?.fileids).toEqual(three.map((t) => world.fileids.get(t)));
  },
);

it('reads a Latin-1 .m3u (not valid UTF-8)', async () => {
  const latinTracks = ['Mötley Crüe/Album 1 & Friends/01 Song 1 (Live).flac', 'Café Tacvba/Album 2 & Friends/03 Song 3 (Live).mp3'];
  for (const track of latinTracks) expect(world.fileids.has(track)).toBe(true);
  await world.write('corpus/latin1.m3u', latin1(latinTracks.map((t) => `/home/me/Music/${t}`).join('\r\n')));
  const result = await world.run(['--prefix', '/home/me/Music', 'corpus/latin1.m3u']);
  expect(result).toEqual({ code: 0, stdout: 'created "latin1": 2 tracks\n', stderr: '' });
  expect((await world.playlist('latin1'))?.fileids).toEqual(latinTracks.map((t) => world.fileids.get(t)));
});

it('refuses a .m3u8 that is not UTF-8, in one line', async () => {
  await world.write('corpus/bad.m3u8', latin1('/home/me/Music/Mötley Crüe/x.mp3\n'));
  const result = await world.run(['--prefix', '/home/me/Music', 'corpus/bad.m3u8']);
  expect(result).toEqual({ code: 1, stdout: '', stderr: 'corpus/bad.m3u8: not valid UTF-8 (a .m3u8 file must be UTF-8)\n' });
});

it('removes --prefix only as a leading path', async () => {
  await world.write('corpus/substring.m3u', `/data/home/me/Music/${first}\n/home/me/Music/${second}\n`);
  const result = await world.run(['--prefix', '/home/me/Music', 'corpus/substring.m3u']);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`corpus/substring.m3u:1: /data/home/me/Music/${first} is not under --prefix /home/me/Music\n`);
});

it('reports http(s) entries as not supported', async () => {
  await world.write(
    'corpus/stream.m3u',
    `#EXTM3U\n#EXTINF:-1,Radio\nhttp://radio.example/live.mp3\nhttps://radio.example/x.aac\n/home/me/Music/${first}\n`,
  );
  const result = await world.run(['--prefix', '/home/me/Music', '--skip-missing', 'corpus/stream.m3u']);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('corpus/stream.m3u:3: http:// entries (streams) are not supported\n');
  expect(result.stderr).toContain('corpus/stream.m3u:4: https:// entries (streams) are not supported\n');
  expect(result.stdout).toBe('created "stream": 1 track\n');
});
