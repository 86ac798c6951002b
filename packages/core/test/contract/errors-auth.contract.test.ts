/** Errors and authentication, identical over every transport. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { createFolder, deleteFolder, stat } from '../../src/files/index.js';
import { startContract, TRANSPORTS, type ContractContext } from './contract-setup.js';

const TOKEN = 'KNOWN-contract-secret-token-7';

describe.each(TRANSPORTS)('errors and auth over $transport', ({ transport }) => {
  let ctx: ContractContext;
  const lines: string[] = [];
  const errors: unknown[] = [];
  const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    errors.push(error);
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  beforeAll(async () => {
    ctx = await startContract(transport, { legacy: true, seed: { accessToken: TOKEN } });
  });
  afterAll(async () => {
    for (const text of [...lines, ...errors.map((e) => `${(e as Error).message} ${(e as ApiError).hint ?? ''}`)])
      expect(text).not.toContain(TOKEN);
    await ctx.close();
  });

  it('answers pCloud errors with the same result, method and message', async () => {
    const client = ctx.client({ logger: (line) => lines.push(line) });
    expect(await failure(stat(client, { path: '/no/such/thing' }))).toMatchObject({ result: 2055, method: 'stat' });
    expect(await failure(client.call('listfolder', { path: '/missing' }))).toMatchObject({
      result: 2005,
      message: 'listfolder: Directory does not exist. (2005)',
    });
    await createFolder(client, { path: '/Taken' });
    expect(await failure(createFolder(client, { path: '/Taken' }))).toMatchObject({ result: 2004 });
    await createFolder(client, { path: '/Taken/child' });
    expect(await failure(deleteFolder(client, { path: '/Taken' }))).toMatchObject({ result: 2006 });
    expect(await failure(createFolder(client, { path: '/bad\\name' }))).toMatchObject({ result: 2001 });
  });

  it('a failed call does not spoil the connection for the next ones', async () => {
    const client = ctx.client();
    const results = await Promise.all([
      client.call('stat', { path: '/nope' }).then(
        () => 0,
        (e: ApiError) => e.result,
      ),
      client.call('userinfo').then(() => 0),
      client.call('listfolder', { path: '/nope' }).then(
        () => 0,
        (e: ApiError) => e.result,
      ),
      client.call('listfolder', { folderid: 0 }).then(() => 0),
    ]);
    expect(results).toEqual([2055, 0, 2005, 0]);
  });

  it('refuses calls without credentials (1000) and with an unknown token (2094, with the region hint)', async () => {
    const anonymous = ctx.client({ accessToken: undefined });
    expect(await failure(anonymous.call('userinfo'))).toMatchObject({ result: 1000, isAuthError: true });
    const wrong = ctx.client({ accessToken: 'not-a-valid-token' });
    const error = await failure(wrong.call('userinfo'));
    expect(error).toMatchObject({ result: 2094, code: 'AUTH_ERROR' });
    expect(error.hint).toMatch(/api\.pcloud\.com|-e us/);
  });

  it('accepts a legacy auth token in legacy mode', async () => {
    const login = await ctx.client({ accessToken: undefined }).callRaw('userinfo', {
      getauth: 1,
      username: ctx.emu.seeded.email,
      password: ctx.emu.seeded.password,
    });
    const auth = login.auth as string;
    expect(typeof auth).toBe('string');
    const legacy = ctx.client({ accessToken: undefined, auth });
    expect((await legacy.call('userinfo')).email).toBe(ctx.emu.seeded.email);
    expect(await failure(ctx.client({ accessToken: undefined, auth: 'bogus-auth' }).call('userinfo'))).toMatchObject({ result: 2000 });
  });
});
