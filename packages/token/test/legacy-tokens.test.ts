import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { pcloudToken, readConfig, writeConfig } from './support/run-token.js';

/** Legacy mode: `auth` tokens may list and delete tokens, as before April 2026. */
describe('pcloud-token list and delete with a legacy auth token', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ legacy: true });
  });
  afterAll(async () => emulator.close());

  const legacyConfig = (): Promise<string> => writeConfig(emulator, { auth: emulator.seeded.authToken });

  it("--list prints the original's table: every token, ids right-aligned, clients cut to 40", async () => {
    const result = await pcloudToken(await legacyConfig(), ['--list']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('    Token-id Expiry Date                Client');
    const sessions = emulator.state.identity.sessions(emulator.seeded.userid, Math.floor(Date.now() / 1000));
    expect(lines).toHaveLength(sessions.length + 1);
    for (const session of sessions) {
      const row = lines.find((line) => line.startsWith(`${String(session.tokenid).padStart(12)} `));
      expect(row, `row for token ${session.tokenid}`).toBeDefined();
      expect(row).toContain(session.device.slice(0, 40));
      expect(row).not.toContain(session.device.slice(0, 41) === session.device.slice(0, 40) ? '\u0000' : session.device.slice(0, 41));
      expect(row).not.toMatch(/\+0000/);
    }
  });

  it('list --json gives the same tokens as data', async () => {
    const result = await pcloudToken(await legacyConfig(), ['list', '--json']);
    expect(result.code).toBe(0);
    const tokens = JSON.parse(result.stdout) as Array<{ tokenid: number; device: string }>;
    const ids = emulator.state.identity.sessions(emulator.seeded.userid, Math.floor(Date.now() / 1000)).map((t) => t.tokenid);
    expect(tokens.map((t) => t.tokenid).sort()).toEqual([...ids].sort());
  });

  it('deletes listed ids, refuses unknown ones without deleting them, exit 1', async () => {
    const victim = emulator.state.identity.issueToken(emulator.seeded.userid, 'auth', {
      device: 'old laptop',
      now: Math.floor(Date.now() / 1000),
    });
    const result = await pcloudToken(await legacyConfig(), ['--delete', `${victim.tokenid},999999`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`deleted token ${victim.tokenid}`);
    expect(result.stderr).toMatch(/token 999999 is not one of your tokens/);
    expect(emulator.state.identity.tokens.has(victim.tokenid)).toBe(false);
  });

  it.each([
    [['--delete', 'abc'], /invalid token id 'abc'/],
    [['delete'], /ids|argument/i],
    [['delete', ' , '], /no token id/],
  ])('bad input %j is a usage error (exit 2) and deletes nothing', async (args, message) => {
    const before = emulator.state.identity.tokens.size;
    const result = await pcloudToken(await legacyConfig(), args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(message);
    expect(emulator.state.identity.tokens.size).toBe(before);
  });

  it('deleting the token in use warns, ends the session and clears it from the config', async () => {
    const mine = emulator.state.identity.issueToken(emulator.seeded.userid, 'auth', {
      device: 'this machine',
      now: Math.floor(Date.now() / 1000),
    });
    const config = await writeConfig(emulator, { auth: mine.value, username: 'kept@example.test' });
    const result = await pcloudToken(config, ['delete', String(mine.tokenid)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: token \d+ was the one this tool used/);
    const stored = await readConfig(config);
    expect(stored.auth).toBeUndefined();
    expect(stored.username).toBe('kept@example.test');
    expect(result.stdout + result.stderr).not.toContain(mine.value);
  });
});
