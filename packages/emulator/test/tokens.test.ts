import { Agent } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_APP, FOLDER_APP, type Emulator } from '../src/index.js';
import { apiCall, type Answer } from './support/api-call.js';

const DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

describe('listtokens, deletetoken, logout (legacy mode)', () => {
  let emu: Emulator;
  let call: (method: string, params?: Record<string, string | number>) => Promise<Answer>;
  beforeEach(async () => {
    emu = await createEmulator({ legacy: true });
    call = (method, params = {}) => apiCall(emu.apiUrl, method, { auth: emu.seeded.authToken, ...params });
  });
  afterEach(() => emu.close());

  it('lists the tokens (3 sessions, 2 app grants) with tokenid, device, created, expires_inactive, expires', async () => {
    const answer = await call('listtokens');
    expect(answer.result).toBe(0);
    expect(answer.tokens).toHaveLength(5);
    for (const token of answer.tokens) {
      expect(Object.keys(token).sort()).toEqual(['created', 'device', 'expires', 'expires_inactive', 'tokenid']);
      expect(Number.isInteger(token.tokenid)).toBe(true);
      expect(token.device.length).toBeGreaterThan(0);
      for (const field of ['created', 'expires', 'expires_inactive']) expect(token[field]).toMatch(DATE);
    }
    const devices = answer.tokens.map((t: Answer) => t.device);
    expect(new Set(devices).size).toBe(5);
    expect(devices).toEqual(expect.arrayContaining([DEMO_APP.name, FOLDER_APP.name]));
    expect(new Set(answer.tokens.map((t: Answer) => t.expires)).size).toBeGreaterThanOrEqual(4);
    const stamps = await call('listtokens', { timeformat: 'timestamp' });
    for (const token of stamps.tokens) expect(token.expires).toBeGreaterThan(token.created);
  });

  it('shows a session created by a login, with the device it named', async () => {
    const { email, password } = emu.seeded;
    const login = await apiCall(emu.apiUrl, 'userinfo', { username: email, password, getauth: 1, device: 'my laptop' });
    const answer = await call('listtokens');
    expect(answer.tokens.map((t: Answer) => t.device)).toContain('my laptop');
    expect(login.auth).not.toBe(emu.seeded.authToken);
  });

  it('deletes another session: it disappears from the list and stops working', async () => {
    const { email, password } = emu.seeded;
    const other = await apiCall(emu.apiUrl, 'userinfo', { username: email, password, getauth: 1, device: 'doomed' });
    const target = (await call('listtokens')).tokens.find((t: Answer) => t.device === 'doomed');
    expect(await call('deletetoken', { tokenid: target.tokenid })).toEqual({ result: 0 });
    expect((await call('listtokens')).tokens.map((t: Answer) => t.tokenid)).not.toContain(target.tokenid);
    expect(await apiCall(emu.apiUrl, 'userinfo', { auth: other.auth })).toMatchObject({ result: 2000 });
  });

  it('deletes the token in use: the session ends at once, also on its keep-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sticky = await createEmulator({ legacy: true, stickyAuth: true });
    try {
      // On a sticky connection a call without credentials runs as the connection's login (§1.2)...
      expect(await apiCall(sticky.apiUrl, 'userinfo', { auth: sticky.seeded.authToken }, { agent })).toMatchObject({ result: 0 });
      expect(await apiCall(sticky.apiUrl, 'userinfo', {}, { agent })).toMatchObject({ result: 0 });
      const bound = sticky.state.identity.check({ auth: sticky.seeded.authToken }, sticky.state.now());
      const boundId = bound.ok ? bound.token.tokenid : -1;
      expect(await apiCall(sticky.apiUrl, 'deletetoken', { tokenid: boundId }, { agent })).toEqual({ result: 0 });
      // ...until that login's token is deleted.
      expect(await apiCall(sticky.apiUrl, 'userinfo', {}, { agent })).toMatchObject({ result: 1000 });

      const mine = (await call('listtokens')).tokens;
      const inUse = emu.state.identity.check({ auth: emu.seeded.authToken }, emu.state.now());
      const tokenid = inUse.ok ? inUse.token.tokenid : -1;
      expect(mine.map((t: Answer) => t.tokenid)).toContain(tokenid);
      expect(await call('deletetoken', { tokenid })).toEqual({ result: 0 });
      expect(await call('userinfo')).toMatchObject({ result: 2000, error: 'Log in failed.' });
    } finally {
      agent.destroy();
      await sticky.close();
    }
  });

  it('refuses a missing tokenid (1076) and one that is not the account’s (2102)', async () => {
    expect(await call('deletetoken')).toEqual({ result: 1076, error: "Please provide 'tokenid'." });
    expect(await call('deletetoken', { tokenid: 'abc' })).toMatchObject({ result: 1076 });
    expect(await call('deletetoken', { tokenid: 987654 })).toEqual({ result: 2102, error: "Provided 'tokenid' not found." });
    expect((await call('listtokens')).tokens).toHaveLength(5);
  });

  it('lets an OAuth caller (legacy mode) find its own grant by app name and delete it, ending it', async () => {
    const bearer = { bearer: emu.token };
    const listed = await apiCall(emu.apiUrl, 'listtokens', {}, bearer);
    const mine = listed.tokens.filter((t: Answer) => t.device === DEMO_APP.name);
    expect(mine).toHaveLength(1);
    expect(await apiCall(emu.apiUrl, 'deletetoken', { tokenid: mine[0].tokenid }, bearer)).toEqual({ result: 0 });
    expect(await apiCall(emu.apiUrl, 'userinfo', {}, bearer)).toMatchObject({ result: 2094 });
    expect((await call('listtokens')).tokens.map((t: Answer) => t.device)).not.toContain(DEMO_APP.name);
  });

  it('logout ends the auth token in use', async () => {
    expect(await call('logout')).toEqual({ result: 0, auth_deleted: true });
    expect(await call('userinfo')).toMatchObject({ result: 2000 });
  });

  it('logout ends an OAuth token too (2094 afterwards)', async () => {
    expect(await apiCall(emu.apiUrl, 'logout', {}, { bearer: emu.token })).toEqual({ result: 0, auth_deleted: true });
    expect(await apiCall(emu.apiUrl, 'userinfo', {}, { bearer: emu.token })).toMatchObject({ result: 2094 });
  });

  it('expires sessions by their lifetime: expired ones are refused and no longer listed', async () => {
    let now = 1_800_000_000;
    const clocked = await createEmulator({ legacy: true, clock: () => now });
    try {
      const before = await apiCall(clocked.apiUrl, 'listtokens', { auth: clocked.seeded.authToken });
      expect(before.tokens).toHaveLength(5);
      now += 8 * 86_400; // past the 7-day session, within the others (OAuth grants never expire)
      const after = await apiCall(clocked.apiUrl, 'listtokens', { auth: clocked.seeded.authToken });
      expect(after.tokens).toHaveLength(4);
      expect(after.tokens.map((t: Answer) => t.device)).not.toContain('pCloud Drive 4.0.2 (Windows 11)');
      now += 32 * 86_400; // idle for longer than 31 days
      expect(await apiCall(clocked.apiUrl, 'userinfo', { auth: clocked.seeded.authToken })).toMatchObject({ result: 2000 });
    } finally {
      await clocked.close();
    }
  });
});
