/**
 * The bad-input table over the three tool bins: what is run, with which config file and
 * credentials, the documented exit code (2 usage, 1 failure) and the one clear line expected.
 */
import type { FixtureSecrets } from '../support/toolkit-fixture.js';
import type { ToolBin } from '../support/run-tool.js';

/** One row of the table. */
export interface BadInputCase {
  name: string;
  bin: ToolBin;
  args: readonly string[];
  /** Content of the config file (default: a valid one). */
  config?: string | Buffer;
  /** Credentials replacing the working access token. */
  env?: (secrets: FixtureSecrets) => Record<string, string>;
  /** Standard input (default: empty). */
  stdin?: (secrets: FixtureSecrets) => string;
  code: 1 | 2;
  line: RegExp;
  /** Also run as a child process from the built bin. */
  spawn?: boolean;
}

const BINS: readonly ToolBin[] = ['pcutil', 'pcloud-playlist', 'pcloud-token'];
/** A harmless command of each bin, for cases about the config file or the credentials. */
const HARMLESS: Record<ToolBin, string[]> = { pcutil: ['ls', 'p:/docs'], 'pcloud-playlist': ['--list'], 'pcloud-token': ['whoami'] };
const LONG = 'n'.repeat(1024);
const CONFIG_LINE = /: config file \/.*\/pcloud\.json: /;

const configCases: BadInputCase[] = BINS.flatMap((bin) => [
  {
    name: `${bin}: a truncated JSON config`,
    bin,
    args: HARMLESS[bin],
    config: '{"timeout": 2,',
    code: 1,
    line: new RegExp(`${CONFIG_LINE.source}not valid JSON \\(`),
    spawn: bin === 'pcutil',
  },
  {
    name: `${bin}: a config that is not JSON at all`,
    bin,
    args: HARMLESS[bin],
    config: Buffer.from([0, 1, 2, 0xff, 0xfe, 10]),
    code: 1,
    line: new RegExp(`${CONFIG_LINE.source}not valid JSON`),
  },
  {
    name: `${bin}: a config whose top level is an array`,
    bin,
    args: HARMLESS[bin],
    config: '[]',
    code: 1,
    line: new RegExp(`${CONFIG_LINE.source}expected a JSON object at the top level$`),
  },
  {
    name: `${bin}: an unknown option`,
    bin,
    args: ['--frobnicate', ...HARMLESS[bin]],
    code: 2,
    line: new RegExp(`^${bin}: Unknown argument: frobnicate$`),
    spawn: true,
  },
  {
    name: `${bin}: --timeout 0`,
    bin,
    args: ['--timeout', '0', ...HARMLESS[bin]],
    code: 2,
    line: new RegExp(`^${bin}: -t/--timeout must be a positive whole number of seconds \\(got "0"\\)$`),
  },
]);

const typedConfigCases: BadInputCase[] = [
  {
    name: 'pcutil: a config timeout that is a word',
    bin: 'pcutil',
    args: HARMLESS.pcutil,
    config: '{"timeout": "soon"}',
    code: 1,
    line: /: "timeout" must be a positive integer \(seconds\) \(got "soon"\)$/,
  },
  {
    name: 'pcloud-token: a config endpoint that is a number',
    bin: 'pcloud-token',
    args: HARMLESS['pcloud-token'],
    config: '{"endpoint": 42}',
    code: 1,
    line: /: "endpoint" must be a string \(got 42\)$/,
  },
  {
    name: 'pcutil: a config endpoint with another scheme',
    bin: 'pcutil',
    args: HARMLESS.pcutil,
    config: '{"endpoint": "gopher://x"}',
    code: 1,
    line: /: "endpoint" must be eu, us or an http\(s\) URL/,
  },
  {
    name: 'pcloud-playlist: a config section that is not an object',
    bin: 'pcloud-playlist',
    args: ['--list'],
    config: '{"playlist": "yes"}',
    code: 1,
    line: /: "playlist" must be an object/,
  },
  {
    name: 'pcloud-playlist: a config chunk-size out of range',
    bin: 'pcloud-playlist',
    args: ['--list'],
    config: '{"playlist": {"chunk-size": 999}}',
    code: 1,
    line: /: "playlist\.chunk-size" must be an integer from 1 to 300 \(got 999\)$/,
  },
  {
    name: 'pcutil: a PCLOUD_OUTAGE_WAIT that is a word',
    bin: 'pcutil',
    args: HARMLESS.pcutil,
    env: () => ({ PCLOUD_OUTAGE_WAIT: 'soon' }),
    code: 1,
    line: /^pcutil: PCLOUD_OUTAGE_WAIT must be a number of seconds \(got "soon"\)$/,
  },
];

const optionCases: BadInputCase[] = [
  {
    name: 'pcutil: a negative --timeout',
    bin: 'pcutil',
    args: ['ls', '--timeout', '-5', 'p:/'],
    code: 2,
    line: /^pcutil: -t\/--timeout must be a positive whole number of seconds \(got "-5"\)$/,
  },
  {
    name: 'pcloud-token: a --timeout that is a word',
    bin: 'pcloud-token',
    args: ['--timeout', 'abc', 'whoami'],
    code: 2,
    line: /\(got "abc"\)$/,
  },
  {
    name: 'pcloud-playlist: a --timeout in exponent notation',
    bin: 'pcloud-playlist',
    args: ['--timeout', '1e3', '--list'],
    code: 2,
    line: /\(got "1e3"\)$/,
  },
  ...['0', '301', 'many'].map(
    (size): BadInputCase => ({
      name: `pcloud-playlist: --chunk-size ${size}`,
      bin: 'pcloud-playlist',
      args: ['--chunk-size', size, '--prefix', 'music', 'playlists/good.m3u'],
      code: 2,
      line: new RegExp(`^pcloud-playlist: --chunk-size must be an integer from 1 to 300 \\(got "${size}"\\)$`),
    }),
  ),
  {
    name: 'pcutil: --jobs 0',
    bin: 'pcutil',
    args: ['cp', '-j', '0', 'files/a.txt', 'p:/docs/'],
    code: 2,
    line: /^pcutil: --jobs must be an integer from 1 to 64 \(got "0"\)$/,
  },
  {
    name: 'pcutil: an unknown --transport',
    bin: 'pcutil',
    args: ['--transport', 'pigeon', 'ls', 'p:/'],
    code: 2,
    line: /^pcutil: Invalid values: Argument: transport, Given: "pigeon"/,
  },
  {
    name: 'pcutil: an endpoint with another scheme',
    bin: 'pcutil',
    args: ['-e', 'ftp://example.invalid', 'ls', 'p:/'],
    code: 2,
    line: /^pcutil: Invalid endpoint 'ftp:\/\/example\.invalid'/,
  },
  { name: 'pcutil: an unknown command', bin: 'pcutil', args: ['frob'], code: 2, line: /^pcutil: Unknown command: frob$/ },
  { name: 'pcutil: no command', bin: 'pcutil', args: [], code: 2, line: /^pcutil: no command given/ },
  {
    name: 'pcutil: ls with two paths',
    bin: 'pcutil',
    args: ['ls', 'p:/docs', 'p:/nope'],
    code: 2,
    line: /^pcutil: unexpected argument p:\/nope: usage is ls \[path\]$/,
  },
  {
    name: 'pcloud-token: whoami with an argument',
    bin: 'pcloud-token',
    args: ['whoami', 'extra'],
    code: 2,
    line: /^pcloud-token: unexpected argument extra: usage is whoami$/,
  },
  {
    name: 'pcutil: cp with both sides local',
    bin: 'pcutil',
    args: ['cp', 'files/a.txt', 'files/b.txt'],
    code: 2,
    line: /^pcutil: files\/a\.txt and files\/b\.txt are both local/,
  },
  {
    name: 'pcloud-playlist: --list with playlist files',
    bin: 'pcloud-playlist',
    args: ['--list', 'playlists/good.m3u'],
    code: 2,
    line: /^pcloud-playlist: --list prints the existing playlists and takes no playlist files$/,
  },
  {
    name: 'pcloud-playlist: empty --music-types',
    bin: 'pcloud-playlist',
    args: ['--music-types', '', '--prefix', 'music', 'playlists/good.m3u'],
    code: 2,
    line: /^pcloud-playlist: --music-types needs at least one suffix/,
  },
  {
    name: 'pcloud-token: --delete abc (the original interface)',
    bin: 'pcloud-token',
    args: ['--delete', 'abc'],
    code: 2,
    line: /^pcloud-token: invalid token id 'abc': ids are whole numbers/,
  },
  { name: 'pcloud-token: delete -5', bin: 'pcloud-token', args: ['delete', '-5'], code: 2, line: /^pcloud-token: invalid token id '-5'/ },
  { name: 'pcloud-token: delete without ids', bin: 'pcloud-token', args: ['delete'], code: 2, line: /^pcloud-token: missing arguments/ },
  {
    name: "pcloud-token: delete an id that is not the user's",
    bin: 'pcloud-token',
    args: ['delete', '99999'],
    code: 1,
    line: /^pcloud-token: token 99999 is not one of your tokens; nothing deleted for it/,
  },
];

const locationCases: BadInputCase[] = [
  {
    name: 'pcutil: p: with a relative path',
    bin: 'pcutil',
    args: ['ls', 'p:relative'],
    code: 1,
    line: /^pcutil: invalid location p:relative: a pCloud path after p: must be absolute$/,
  },
  {
    name: 'pcutil: p: alone',
    bin: 'pcutil',
    args: ['ls', 'p:'],
    code: 1,
    line: /^pcutil: invalid location p:: a pCloud path after p: must be absolute$/,
  },
  {
    name: 'pcutil: .. above the root',
    bin: 'pcutil',
    args: ['ls', 'p:/docs/../..'],
    code: 1,
    line: /^pcutil: invalid location p:\/docs\/\.\.\/\.\.: "\.\." would leave the pCloud root$/,
  },
  {
    name: 'pcutil: pcloud:// without a host',
    bin: 'pcutil',
    args: ['ls', 'pcloud://'],
    code: 1,
    line: /^pcutil: invalid location pcloud:\/\/: expected a host such as eapi\.pcloud\.com after pcloud:\/\/$/,
  },
  {
    name: 'pcutil: pcloud:/// as a destination',
    bin: 'pcutil',
    args: ['cp', 'files/a.txt', 'pcloud:///docs?authid=zz'],
    code: 1,
    line: /^pcutil: invalid location pcloud:\/\/\/docs\?…: expected a host/,
  },
  {
    name: 'pcutil: pcloud:// with an empty authid',
    bin: 'pcutil',
    args: ['ls', 'pcloud://eapi.pcloud.com/docs?authid='],
    code: 1,
    line: /^pcutil: invalid location pcloud:\/\/eapi\.pcloud\.com\/docs\?…: authid is empty$/,
  },
  {
    name: 'pcutil: pcloud:// with a foreign host',
    bin: 'pcutil',
    args: ['ls', 'pcloud://not a host/docs?authid=x'],
    code: 1,
    line: /^pcutil: invalid location pcloud:\/\/not a host\/docs\?…: host "not a host" is neither/,
  },
  {
    name: 'pcutil: a name of 1024 bytes',
    bin: 'pcutil',
    args: ['mkdir', `p:/docs/${LONG}`],
    code: 1,
    line: /: a name of 1024 bytes \(pCloud allows at most 1023/,
  },
  {
    name: 'pcutil: a name of 1024 bytes in UTF-8',
    bin: 'pcutil',
    args: ['cp', 'files/a.txt', `p:/docs/${'é'.repeat(512)}`],
    code: 1,
    line: /: a name of 1024 bytes/,
  },
  {
    name: 'pcutil: a backslash in a name',
    bin: 'pcutil',
    args: ['mkdir', 'p:/docs/a\\b'],
    code: 1,
    line: /^pcutil: invalid location p:\/docs\/a\\b: a backslash in the name "a\\b"$/,
  },
  {
    name: 'pcutil: a backslash in a recursive destination',
    bin: 'pcutil',
    args: ['cp', '-r', 'files/tree', 'p:/docs/a\\b/'],
    code: 1,
    line: /a backslash in the name "a\\b"$/,
  },
  {
    name: 'pcutil: a NUL in a name',
    bin: 'pcutil',
    args: ['cp', 'files/a.txt', 'p:/docs/x\u0000y'],
    code: 1,
    line: /a NUL character in a name$/,
  },
];

const missingCases: BadInputCase[] = [
  {
    name: 'pcutil: cp of a missing local file',
    bin: 'pcutil',
    args: ['cp', 'files/nope.txt', 'p:/docs/'],
    code: 1,
    line: /^pcutil: files\/nope\.txt: no such file or folder$/,
  },
  {
    name: 'pcutil: cp of a missing remote file',
    bin: 'pcutil',
    args: ['cp', 'p:/docs/nope.txt', 'files/'],
    code: 1,
    line: /^pcutil: p:\/docs\/nope\.txt: no such file or folder$/,
  },
  {
    name: 'pcutil: cp of a folder without -r',
    bin: 'pcutil',
    args: ['cp', 'files/tree', 'p:/docs/'],
    code: 1,
    line: /^pcutil: files\/tree is a folder; use -r to copy it$/,
  },
  {
    name: 'pcutil: cp into a file as if it were a folder',
    bin: 'pcutil',
    args: ['cp', 'files/a.txt', 'p:/docs/readme.txt/'],
    code: 1,
    line: /^pcutil: p:\/docs\/readme\.txt\/ is a file, not a folder/,
  },
  {
    name: 'pcutil: ls of a missing folder',
    bin: 'pcutil',
    args: ['ls', 'p:/nope'],
    code: 1,
    line: /^pcutil: p:\/nope: no such file or folder$/,
  },
  {
    name: 'pcutil: cat of a missing file',
    bin: 'pcutil',
    args: ['cat', 'p:/docs/nope.txt'],
    code: 1,
    line: /^pcutil: p:\/docs\/nope\.txt: no such file$/,
  },
  {
    name: 'pcutil: rm of a missing file',
    bin: 'pcutil',
    args: ['rm', 'p:/docs/nope.txt'],
    code: 1,
    line: /^pcutil: p:\/docs\/nope\.txt: no such file or folder$/,
  },
  {
    name: 'pcutil: rm of a non-empty folder without -r',
    bin: 'pcutil',
    args: ['rm', 'p:/docs'],
    code: 1,
    line: /^pcutil: p:\/docs: folder is not empty; use -r/,
  },
  {
    name: 'pcutil: rm -r of the root',
    bin: 'pcutil',
    args: ['rm', '-r', 'p:/'],
    code: 1,
    line: /^pcutil: refusing to remove the pCloud root folder/,
  },
  {
    name: 'pcutil: standard input into a folder',
    bin: 'pcutil',
    args: ['cp', '-', 'p:/docs/'],
    stdin: () => 'data',
    code: 1,
    line: /^pcutil: standard input needs a file name, but p:\/docs\/ is a folder$/,
  },
  {
    name: 'pcutil: a config file that is a folder',
    bin: 'pcutil',
    args: ['-f', 'files', 'ls', 'p:/docs'],
    code: 1,
    line: /^pcutil: config file \/.*\/files: cannot be read \(EISDIR\)$/,
  },
  {
    name: 'pcutil: mv of a missing source',
    bin: 'pcutil',
    args: ['mv', 'p:/nope', 'p:/docs/'],
    code: 1,
    line: /^pcutil: p:\/nope: no such file or folder$/,
  },
  {
    name: 'pcloud-playlist: a missing music folder',
    bin: 'pcloud-playlist',
    args: ['--music-folder', '/NoMusic', '--prefix', 'music', 'playlists/good.m3u'],
    code: 1,
    line: /^pcloud-playlist: music folder \/NoMusic does not exist on pCloud$/,
  },
  {
    name: 'pcloud-playlist: a missing music folder from the config',
    bin: 'pcloud-playlist',
    args: ['--prefix', 'music', 'playlists/good.m3u'],
    config: '{"playlist": {"music-folder": "/Musik"}}',
    code: 1,
    line: /^pcloud-playlist: music folder \/Musik does not exist on pCloud$/,
  },
  {
    name: 'pcloud-playlist: a missing playlist file',
    bin: 'pcloud-playlist',
    args: ['--prefix', 'music', 'playlists/nope.m3u'],
    code: 1,
    line: /^playlists\/nope\.m3u: no such file$/,
  },
];

const tokenCases: BadInputCase[] = [
  ...BINS.map(
    (bin): BadInputCase => ({
      name: `${bin}: a token of the other region`,
      bin,
      args: HARMLESS[bin],
      env: (s) => ({ PCLOUD_ACCESS_TOKEN: s.foreignAccessToken }),
      code: 1,
      line: new RegExp(`^${bin}: [a-z_]+: Invalid 'access_token' provided\\. \\(2094\\)$`),
      spawn: bin === 'pcloud-token',
    }),
  ),
  ...BINS.map(
    (bin): BadInputCase => ({
      name: `${bin}: an expired auth token`,
      bin,
      args: bin === 'pcloud-token' ? ['list'] : HARMLESS[bin],
      env: (s) => ({ PCLOUD_AUTH: s.expiredAuth }),
      code: 1,
      line: new RegExp(`^${bin}: .*\\b2000\\b`),
    }),
  ),
  ...BINS.map(
    (bin): BadInputCase => ({
      name: `${bin}: a revoked access token`,
      bin,
      args: HARMLESS[bin],
      env: (s) => ({ PCLOUD_ACCESS_TOKEN: s.revokedAccessToken }),
      code: 1,
      line: new RegExp(`^${bin}: [a-z_]+: Invalid 'access_token' provided\\. \\(2094\\)$`),
    }),
  ),
  {
    name: 'pcutil: no token at all',
    bin: 'pcutil',
    args: HARMLESS.pcutil,
    env: () => ({ PCLOUD_ACCESS_TOKEN: '' }),
    code: 1,
    line: /^pcutil: no pCloud access token$/,
  },
  {
    name: 'pcloud-token: login --token - with a token of the other region',
    bin: 'pcloud-token',
    args: ['login', '--token', '-'],
    env: () => ({ PCLOUD_ACCESS_TOKEN: '' }),
    stdin: (s) => `${s.foreignAccessToken}\n`,
    code: 1,
    line: /^pcloud-token: userinfo: Invalid 'access_token' provided\. \(2094\)$/,
  },
  {
    name: 'pcloud-token: login --token with a revoked token',
    bin: 'pcloud-token',
    args: ['login', '--token', '-'],
    env: () => ({ PCLOUD_ACCESS_TOKEN: '' }),
    stdin: (s) => s.revokedAccessToken,
    code: 1,
    line: /\(2094\)$/,
  },
  {
    name: 'pcloud-token: login --token - with nothing on standard input',
    bin: 'pcloud-token',
    args: ['login', '--token', '-'],
    env: () => ({ PCLOUD_ACCESS_TOKEN: '' }),
    code: 2,
    line: /^pcloud-token: --token needs the token itself/,
  },
  {
    name: 'pcloud-token: login without a terminal or a client-id',
    bin: 'pcloud-token',
    args: ['login'],
    env: () => ({ PCLOUD_ACCESS_TOKEN: '' }),
    code: 1,
    line: /^pcloud-token: cannot log in: no "client-id" in \/.*pcloud\.json$/,
  },
];

const playlistCases: BadInputCase[] = [
  {
    name: 'pcloud-playlist: binary garbage',
    bin: 'pcloud-playlist',
    args: ['--prefix', 'music', 'playlists/binary.m3u'],
    code: 1,
    line: /^playlists\/binary\.m3u: not a text playlist \(binary content\)$/,
    spawn: true,
  },
  {
    name: 'pcloud-playlist: a folder named like a playlist',
    bin: 'pcloud-playlist',
    args: ['--prefix', 'music', 'playlists/garbage-dir.m3u'],
    code: 1,
    line: /^playlists\/garbage-dir\.m3u: is a folder, not a playlist file$/,
  },
  {
    name: 'pcloud-playlist: an empty playlist',
    bin: 'pcloud-playlist',
    args: ['--prefix', 'music', 'playlists/empty.m3u'],
    code: 1,
    line: /^playlists\/empty\.m3u: no tracks in it \(empty playlist\)$/,
  },
  {
    name: 'pcloud-playlist: an extremely long line',
    bin: 'pcloud-playlist',
    args: ['--prefix', 'music', 'playlists/long-line.m3u'],
    code: 1,
    line: /^playlists\/long-line\.m3u:1: line is too long \(200004 characters\)$/,
  },
  {
    name: 'pcloud-playlist: a track missing on pCloud',
    bin: 'pcloud-playlist',
    args: ['--prefix', 'music', 'playlists/missing-track.m3u'],
    code: 1,
    line: /^playlists\/missing-track\.m3u:1: .*02 Not There\.mp3/,
  },
  {
    name: 'pcloud-playlist: a web stream entry',
    bin: 'pcloud-playlist',
    args: ['--prefix', 'music', 'playlists/web.m3u'],
    code: 1,
    line: /^playlists\/web\.m3u:1: .*not supported/,
  },
];

/** Every case of the suite. */
export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  ...configCases,
  ...typedConfigCases,
  ...optionCases,
  ...locationCases,
  ...missingCases,
  ...tokenCases,
  ...playlistCases,
];
