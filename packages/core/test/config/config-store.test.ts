import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfigStore } from '../../src/config/index.js';
import { isPCloudError, type PCloudError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

const TOKEN = 'CfgSecretTokenValue0123456789';

async function refusal(promise: Promise<unknown>): Promise<PCloudError> {
  try {
    await promise;
  } catch (error) {
    if (isPCloudError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('config file creation', () => {
  it('creates a missing file under XDG_CONFIG_HOME with the default keys, 0600 in a 0700 directory', async () => {
    const root = tempDir();
    const xdg = join(root, 'xdg', 'conf');
    const store = await openConfigStore({ env: { HOME: join(root, 'home'), XDG_CONFIG_HOME: xdg } });
    const file = join(xdg, 'pcloud.json');
    expect(store.path).toBe(file);
    expect(store.created).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      'config-file': file,
      endpoint: 'https://eapi.pcloud.com',
      access_token: '',
      'binary-api-port': 8399,
      timeout: 2,
      'client-id': '',
      verbose: false,
      username: '',
    });
    expect(mode(file)).toBe(0o600);
    expect(mode(xdg)).toBe(0o700);
    expect(mode(join(root, 'xdg'))).toBe(0o700);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('leaves an existing file alone when only reading it', async () => {
    const file = join(tempDir(), 'pc.json');
    const text = '{"timeout": 7, "playlist": {"music-folder": "/Songs"}}';
    writeFileSync(file, text, { mode: 0o644 });
    const store = await openConfigStore({ path: file });
    expect(store.created).toBe(false);
    expect(store.data.timeout).toBe(7);
    expect(store.section('playlist')).toEqual({ 'music-folder': '/Songs' });
    expect(store.section('token')).toEqual({});
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('does not create the file when asked not to', async () => {
    const file = join(tempDir(), 'none.json');
    const store = await openConfigStore({ path: file, create: false });
    expect(existsSync(file)).toBe(false);
    expect(store.data.endpoint).toBe('https://eapi.pcloud.com');
  });

  it('runs on the defaults where the file cannot be created, and reports it on save', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-dir'), '');
    const file = join(dir, 'not-a-dir', 'pcloud.json');
    const store = await openConfigStore({ path: file });
    expect(store.created).toBe(false);
    expect(store.data.timeout).toBe(2);
    await expect(store.save({ username: 'a@b.c' })).rejects.toThrow(`config file ${file}: cannot create its directory`);
  });

  it('reads the token under both names, access_token first', async () => {
    const file = join(tempDir(), 'pc.json');
    writeFileSync(file, JSON.stringify({ 'access-token': 'legacy-name-token' }));
    expect((await openConfigStore({ path: file })).accessToken()).toBe('legacy-name-token');
    writeFileSync(file, JSON.stringify({ 'access-token': 'legacy-name-token', access_token: 'new-name-token' }));
    expect((await openConfigStore({ path: file })).accessToken()).toBe('new-name-token');
    writeFileSync(file, JSON.stringify({ access_token: '' }));
    expect((await openConfigStore({ path: file })).accessToken()).toBeUndefined();
  });
});

describe('a corrupt or invalid config file is never wiped', () => {
  it.each([
    [
      'broken JSON',
      `{"access_token": "${TOKEN}",\n  "timeout": 2,,\n}`,
      'not valid JSON (expected double-quoted property name at line 2, column 16)',
    ],
    ['an unquoted value', `{"access_token": ${TOKEN}}`, "not valid JSON (unexpected character 'C')"],
    ['a truncated file', '{"timeout": 2', 'not valid JSON'],
    ['an array', '[1, 2]', 'expected a JSON object at the top level'],
    ['a bad timeout', '{"timeout": "abc"}', '"timeout" must be a positive integer (seconds) (got "abc")'],
    ['a zero timeout', '{"timeout": 0}', '"timeout" must be a positive integer'],
    ['a bad port', '{"binary-api-port": 70000}', '"binary-api-port" must be a port number (1-65535) (got 70000)'],
    ['a bad transport', '{"transport": "ftp"}', '"transport" must be "http" or "binary"'],
    ['a bad endpoint', '{"endpoint": "ftp://x"}', '"endpoint" must be eu, us or an http(s) URL'],
    ['a bad exchange URL', '{"exchange-url": "nope"}', '"exchange-url" must be an http(s) URL'],
    ['a non-boolean verbose', '{"verbose": "yes"}', '"verbose" must be true or false'],
    ['a non-string token', '{"access_token": 12345678901234}', '"access_token" must be a string'],
  ])('%s: one line naming the file, content byte-identical', async (_what, content, problem) => {
    const file = join(tempDir(), 'pcloud.json');
    writeFileSync(file, content, { mode: 0o600 });
    const before = readFileSync(file);
    const error = await refusal(openConfigStore({ path: file }));
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.message).toContain(`config file ${file}: ${problem}`);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('12345678901234');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('refuses a tool section that is not an object, and a save into it', async () => {
    const file = join(tempDir(), 'pcloud.json');
    writeFileSync(file, '{"playlist": 3}');
    const store = await openConfigStore({ path: file });
    expect(() => store.section('playlist')).toThrow(`config file ${file}: "playlist" must be an object`);
    await expect(store.save({ dir: '/x' }, 'playlist')).rejects.toThrow('"playlist" must be an object');
    expect(readFileSync(file, 'utf8')).toBe('{"playlist": 3}');
  });

  it('refuses to write over a file that went bad after it was opened', async () => {
    const file = join(tempDir(), 'pcloud.json');
    const store = await openConfigStore({ path: file });
    writeFileSync(file, '{oops');
    await expect(store.save({ username: 'a@b.c' })).rejects.toThrow('not valid JSON');
    expect(readFileSync(file, 'utf8')).toBe('{oops');
  });

  it('treats an empty file as missing: nothing in it to lose', async () => {
    const file = join(tempDir(), 'pcloud.json');
    writeFileSync(file, '  \n');
    const store = await openConfigStore({ path: file });
    expect(store.created).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).timeout).toBe(2);
  });
});

describe('saving', () => {
  it('merges values at the top and into a section, keeping every other key, in mode 0600', async () => {
    const file = join(tempDir(), 'pcloud.json');
    writeFileSync(file, JSON.stringify({ custom: { keep: true }, playlist: { prefix: 'P', dir: '/m' }, timeout: 3 }));
    chmodSync(file, 0o644);
    const store = await openConfigStore({ path: file });
    await store.save({ access_token: TOKEN, endpoint: 'https://api.pcloud.com' });
    await store.save({ dir: '/music', 'chunk-size': 50 }, 'playlist');
    await store.save({ 'cache-file': '/c.json' }, 'token');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      custom: { keep: true },
      playlist: { prefix: 'P', dir: '/music', 'chunk-size': 50 },
      token: { 'cache-file': '/c.json' },
      timeout: 3,
      access_token: TOKEN,
      endpoint: 'https://api.pcloud.com',
    });
    expect(store.accessToken()).toBe(TOKEN);
    expect(store.section('playlist')).toMatchObject({ dir: '/music' });
    expect(mode(file)).toBe(0o600);
  });

  it('merges with what another writer saved after this store was opened', async () => {
    const file = join(tempDir(), 'pcloud.json');
    const first = await openConfigStore({ path: file });
    const second = await openConfigStore({ path: file });
    await first.save({ username: 'ann@example.com' });
    await second.save({ timeout: 9 });
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ username: 'ann@example.com', timeout: 9 });
  });

  it('refuses to save an invalid value and leaves the file as it was', async () => {
    const file = join(tempDir(), 'pcloud.json');
    const store = await openConfigStore({ path: file });
    const before = readFileSync(file);
    await expect(store.save({ timeout: -1 })).rejects.toThrow('"timeout" must be a positive integer');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('breaks a stale lock file left by an older version', async () => {
    const file = join(tempDir(), 'pcloud.json');
    const store = await openConfigStore({ path: file, lock: { staleMs: 50, timeoutMs: 5000 } });
    writeFileSync(`${file}.lock`, '99999\n');
    const old = new Date(Date.now() - 60_000);
    const { utimesSync } = await import('node:fs');
    utimesSync(`${file}.lock`, old, old);
    await store.save({ username: 'x@y.z' });
    expect(JSON.parse(readFileSync(file, 'utf8')).username).toBe('x@y.z');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('gives up on a live lock with a clear error', async () => {
    const file = join(tempDir(), 'pcloud.json');
    const store = await openConfigStore({ path: file, lock: { staleMs: 60_000, timeoutMs: 100 } });
    writeFileSync(`${file}.lock`, '1\n');
    const error = await refusal(store.save({ username: 'x@y.z' }));
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.message).toBe(`the config file is locked by another process (lock file ${file}.lock)`);
    expect(JSON.parse(readFileSync(file, 'utf8')).username).toBe('');
  });
});
