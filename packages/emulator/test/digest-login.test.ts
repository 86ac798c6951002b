import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/index.js';
import { apiCall } from './support/api-call.js';

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

describe('getdigest and the digest login (legacy mode)', () => {
  let now: number;
  let emu: Emulator;
  beforeEach(async () => {
    now = 1_800_000_000;
    emu = await createEmulator({ legacy: true, clock: () => now });
  });
  afterEach(() => emu.close());

  it('getdigest needs no auth and gives a digest valid for 30 seconds', async () => {
    const answer = await apiCall(emu.apiUrl, 'getdigest', { timeformat: 'timestamp' });
    expect(answer.result).toBe(0);
    expect(answer.digest).toMatch(/^[A-Za-z0-9]{30,}$/);
    expect(answer.expires).toBe(now + 30);
    const text = await apiCall(emu.apiUrl, 'getdigest');
    expect(text.expires).toMatch(/ \+0000$/);
    expect(text.digest).not.toBe(answer.digest);
  });

  it('logs in with sha1(password + sha1(lowercase(username)) + digest) and getauth=1', async () => {
    const { email, password } = emu.seeded;
    const { digest } = await apiCall(emu.apiUrl, 'getdigest');
    const username = email.toUpperCase();
    const passworddigest = sha1(password + sha1(username.toLowerCase()) + digest);
    const login = await apiCall(emu.apiUrl, 'userinfo', { username, digest, passworddigest, getauth: 1 });
    expect(login).toMatchObject({ result: 0, userid: emu.seeded.userid });
    expect(await apiCall(emu.apiUrl, 'listtokens', { auth: login.auth })).toMatchObject({ result: 0 });
  });

  it('refuses a wrong password digest, a missing digest and an expired digest with 2000', async () => {
    const { email, password } = emu.seeded;
    const { digest } = await apiCall(emu.apiUrl, 'getdigest');
    const right = sha1(password + sha1(email.toLowerCase()) + digest);
    expect(await apiCall(emu.apiUrl, 'userinfo', { username: email, digest, passworddigest: sha1('wrong') })).toEqual({
      result: 2000,
      error: 'Log in failed.',
    });
    // The original tool's userinfo_digest() forgot the digest parameter: that must fail.
    expect(await apiCall(emu.apiUrl, 'userinfo', { username: email, passworddigest: right })).toMatchObject({ result: 2000 });
    now += 31;
    expect(await apiCall(emu.apiUrl, 'userinfo', { username: email, digest, passworddigest: right })).toMatchObject({ result: 2000 });
  });

  it('accepts passwordmd5 too', async () => {
    const { email, password } = emu.seeded;
    const passwordmd5 = createHash('md5').update(password).digest('hex');
    expect(await apiCall(emu.apiUrl, 'userinfo', { username: email, passwordmd5 })).toMatchObject({ result: 0 });
  });

  it('answers 4000 after too many failed logins from one address, then recovers after the window', async () => {
    const { email, password } = emu.seeded;
    for (let i = 0; i < 5; i++)
      expect(await apiCall(emu.apiUrl, 'userinfo', { username: email, password: `wrong${i}` })).toMatchObject({ result: 2000 });
    const limited = await apiCall(emu.apiUrl, 'userinfo', { username: email, password });
    expect(limited).toEqual({ result: 4000, error: 'Too many login tries from this IP address.' });
    expect(limited.xError).toBe('4000');
    // Tokens are not logins: the OAuth token still works meanwhile.
    expect(await apiCall(emu.apiUrl, 'userinfo', {}, { bearer: emu.token })).toMatchObject({ result: 0 });
    now += 61;
    expect(await apiCall(emu.apiUrl, 'userinfo', { username: email, password })).toMatchObject({ result: 0 });
  });
});
