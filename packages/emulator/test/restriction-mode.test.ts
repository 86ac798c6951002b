import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/index.js';
import { passwordDigest } from '../src/state/login-guard.js';
import { apiCall } from './support/api-call.js';

const REFUSED_1000 = [
  'collection_list',
  'collection_details',
  'collection_create',
  'collection_rename',
  'collection_delete',
  'collection_linkfiles',
  'collection_unlinkfiles',
  'collection_move',
  'listtokens',
  'deletetoken',
];

describe('restriction mode (default, pCloud since April 2026)', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await createEmulator();
  });
  afterAll(() => emu.close());

  it.each(REFUSED_1000)('%s refuses an OAuth access token with 1000', async (method) => {
    const answer = await apiCall(
      emu.apiUrl,
      method,
      { collectionid: 1, tokenid: 1, name: 'x', fileids: '1', item: 1, position: 1 },
      { bearer: emu.token },
    );
    expect(answer).toEqual({ result: 1000, error: 'Log in required.' });
    expect(answer.xError).toBe('1000');
  });

  it('still serves userinfo and file methods to the OAuth token', async () => {
    const info = await apiCall(emu.apiUrl, 'userinfo', { access_token: emu.token });
    expect(info).toMatchObject({ result: 0, userid: emu.seeded.userid, email: emu.seeded.email });
    expect(await apiCall(emu.apiUrl, 'listfolder', { folderid: 0 }, { bearer: emu.token })).toMatchObject({ result: 0 });
  });

  it('refuses legacy auth tokens with 2000', async () => {
    expect(await apiCall(emu.apiUrl, 'userinfo', { auth: emu.seeded.authToken })).toEqual({ result: 2000, error: 'Log in failed.' });
  });

  it('refuses password and digest logins with 2000', async () => {
    const { email, password } = emu.seeded;
    expect(await apiCall(emu.apiUrl, 'userinfo', { username: email, password, getauth: 1 })).toMatchObject({ result: 2000 });
    const { digest } = await apiCall(emu.apiUrl, 'getdigest');
    const passworddigest = passwordDigest(email, password, digest);
    expect(await apiCall(emu.apiUrl, 'userinfo', { username: email, digest, passworddigest, getauth: 1 })).toMatchObject({ result: 2000 });
  });

  it('refuses a token of the other region with 2094', async () => {
    const answer = await apiCall(emu.apiUrl, 'userinfo', {}, { bearer: emu.seeded.foreignRegionToken });
    expect(answer).toEqual({ result: 2094, error: "Invalid 'access_token' provided." });
  });

  it('answers 1000 without any credentials', async () => {
    expect(await apiCall(emu.apiUrl, 'userinfo')).toEqual({ result: 1000, error: 'Log in required.' });
  });
});

describe('legacy mode', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await createEmulator({ legacy: true, region: 'us' });
  });
  afterAll(() => emu.close());

  it('lets the OAuth token use collections and tokens', async () => {
    expect(await apiCall(emu.apiUrl, 'collection_list', {}, { bearer: emu.token })).toMatchObject({ result: 0 });
    expect(await apiCall(emu.apiUrl, 'listtokens', {}, { bearer: emu.token })).toMatchObject({ result: 0 });
  });

  it('accepts the seeded auth token', async () => {
    expect(await apiCall(emu.apiUrl, 'userinfo', { auth: emu.seeded.authToken })).toMatchObject({ result: 0, userid: emu.seeded.userid });
  });

  it('logs in with username and password and returns a working auth token with getauth=1', async () => {
    const { email, password } = emu.seeded;
    const login = await apiCall(emu.apiUrl, 'userinfo', { username: email, password, getauth: 1 });
    expect(login).toMatchObject({ result: 0, email });
    expect(typeof login.auth).toBe('string');
    expect(await apiCall(emu.apiUrl, 'collection_list', { auth: login.auth })).toMatchObject({ result: 0 });
    const noGetauth = await apiCall(emu.apiUrl, 'userinfo', { username: email, password });
    expect(noGetauth.auth).toBeUndefined();
  });

  it('never returns an auth token to an OAuth caller, even with getauth=1', async () => {
    const answer = await apiCall(emu.apiUrl, 'userinfo', { getauth: 1 }, { bearer: emu.token });
    expect(answer.result).toBe(0);
    expect(answer).not.toHaveProperty('auth');
  });

  it('answers userinfo with the documented fields', async () => {
    const info = await apiCall(emu.apiUrl, 'userinfo', { access_token: emu.token });
    expect(info).toMatchObject({ emailverified: true, premium: false, language: 'en' });
    expect(typeof info.quota).toBe('number');
    expect(info.registered).toMatch(/ \+0000$/);
  });
});
