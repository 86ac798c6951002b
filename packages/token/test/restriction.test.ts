import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { pcloudToken, writeConfig } from './support/run-token.js';

/** pCloud since April 2026: OAuth tokens may not list or delete tokens (result 1000). */
describe('pcloud-token with an OAuth token under the 2026 restrictions', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator();
  });
  afterAll(async () => emulator.close());

  it.each([[['--list']], [['delete', '1001']]])('%j says so in plain words, exit 1, no stack, no token', async (args) => {
    const config = await writeConfig(emulator, { access_token: emulator.token });
    const before = emulator.state.identity.tokens.size;
    const result = await pcloudToken(config, args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(
      'pcloud-token: pCloud refused the token request (listtokens answered 1000 "Log in required."): since April 2026 pCloud no longer lets OAuth access tokens list or delete login tokens.',
    );
    expect(result.stderr).toMatch(/hint: .*revoke the app .*pcloud-token logout/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain(emulator.token);
    expect(emulator.state.identity.tokens.size).toBe(before);
  });
});
