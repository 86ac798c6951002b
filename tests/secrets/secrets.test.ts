/**
 * Secrets never leak: with recognisable tokens (SECRET-…) seeded into the emulator, the whole
 * bad-input table and a round of everyday commands run verbosely (-v logs every request), and
 * nothing any bin printed — data, errors, hints, logs — nor any library error contains a token.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { ApiError, createClient, PCloudError } from '@pcloud/core';
import { forgetSecrets } from '@pcloud/core/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_CASES } from '../bad-input/cases.js';
import { caseEnv, runCase, VALID_CONFIG } from '../bad-input/run-case.js';
import { runInProcess, runSpawned, type ToolBin, type ToolResult } from '../support/run-tool.js';
import { startToolkitFixture, type ToolkitFixture } from '../support/toolkit-fixture.js';

let fx: ToolkitFixture;
const printed: Array<{ what: string; text: string }> = [];

beforeAll(async () => {
  fx = await startToolkitFixture();
});

afterAll(async () => {
  await fx?.close();
});

/** Every form a token could take in output: whole, URL-encoded, or just its random part. */
function leakedSecrets(text: string): string[] {
  return Object.values(fx.secrets).filter((secret) => {
    const random = secret.slice(secret.lastIndexOf('-') + 1);
    return text.includes(secret) || text.includes(encodeURIComponent(secret)) || text.includes(random);
  });
}

function record(what: string, result: ToolResult): ToolResult {
  printed.push({ what, text: `${result.stdout}\n${result.stderr}` });
  return result;
}

async function verbose(bin: ToolBin, args: readonly string[], extra: Record<string, string> = {}, stdin?: string): Promise<ToolResult> {
  const options = { env: caseEnv(fx, extra), cwd: fx.local, ...(stdin === undefined ? {} : { stdin }) };
  return record(`${bin} --debug ${args.join(' ')}`, await runInProcess(bin, ['--debug', ...args], options));
}

describe('with recognisable tokens', () => {
  it('the bad-input table prints none of them, in-process and from the spawned bins', async () => {
    for (const testCase of BAD_INPUT_CASES) {
      const loud = { ...testCase, args: ['--debug', ...testCase.args] };
      record(testCase.name, (await runCase(fx, loud, 'in-process')).result);
      if (testCase.spawn) record(`${testCase.name} (spawned)`, (await runCase(fx, loud, 'spawned')).result);
    }
    expect(printed.length).toBeGreaterThan(BAD_INPUT_CASES.length);
    expect(printed.filter((run) => leakedSecrets(run.text).length > 0).map((run) => run.what)).toEqual([]);
  });

  it('locations carrying a token in authid print none of it, even when they fail', async () => {
    const host = new URL(fx.emulator.apiUrl).host;
    const authid = encodeURIComponent(fx.secrets.spareAccessToken);
    // The emulator speaks plain HTTP, a pcloud:// location HTTPS: the connection fails after the token was parsed.
    const loopback = await verbose('pcutil', ['ls', `pcloud://${host}/docs?authid=${authid}`]);
    const foreign = await verbose('pcutil', ['cp', 'files/a.txt', `pcloud://files.example.invalid/docs?authid=${authid}`]);
    expect([loopback.code, foreign.code]).toEqual([1, 1]);
    expect(leakedSecrets(loopback.stderr + foreign.stderr)).toEqual([]);
  });

  it('everyday commands print none of them, with --debug logging every request', async () => {
    await writeFile(fx.configFile, VALID_CONFIG);
    const runs = [
      await verbose('pcutil', ['mkdir', '-p', 'p:/secrets/deep']),
      await verbose('pcutil', ['cp', '-r', 'files/tree', 'p:/secrets/']),
      await verbose('pcutil', ['cp', 'files/a.txt', 'p:/secrets/deep/a.txt']),
      await verbose('pcutil', ['ls', '-l', '-R', 'p:/secrets']),
      await verbose('pcutil', ['ls', '--json', 'p:/secrets']),
      await verbose('pcutil', ['cat', 'p:/secrets/deep/a.txt']),
      await verbose('pcutil', ['mv', 'p:/secrets/deep/a.txt', 'p:/secrets/b.txt']),
      await verbose('pcutil', ['cp', '-d', '-r', 'p:/secrets/', 'files/copy']),
      await verbose('pcutil', ['rm', '-r', 'p:/secrets']),
      await verbose('pcloud-playlist', ['--prefix', 'music', 'playlists/good.m3u']),
      await verbose('pcloud-playlist', ['-d', '--prefix', 'music', 'playlists/good.m3u']),
      await verbose('pcloud-playlist', ['--list', '--json']),
      await verbose('pcloud-playlist', ['--list'], { PCLOUD_AUTH: fx.secrets.auth }),
      await verbose('pcloud-token', ['whoami']),
      await verbose('pcloud-token', ['list', '--json']),
      await verbose('pcloud-token', ['--list']),
    ];
    expect(runs.map((run) => run.code)).toEqual(runs.map(() => 0));
    expect(runs[3]?.stderr).toMatch(/listfolder/);
    expect(printed.filter((run) => leakedSecrets(run.text).length > 0).map((run) => run.what)).toEqual([]);
  });

  it('a bin spawned with --debug prints none of them', async () => {
    const result = record(
      'spawned pcutil --debug ls',
      await runSpawned('pcutil', ['--debug', 'ls', '-l', 'p:/docs'], { env: caseEnv(fx), cwd: fx.local }),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/listfolder/);
    expect(leakedSecrets(result.stdout + result.stderr)).toEqual([]);
  });

  it('an in-process run redacts only what it registered itself, as a new process would', async () => {
    // The first run registers the spare token (it is its PCLOUD_ACCESS_TOKEN); the second has never
    // seen it, so where it only names a folder, it is printed as that run gave it.
    const spare = fx.secrets.spareAccessToken;
    expect((await runInProcess('pcloud-token', ['whoami'], { env: caseEnv(fx, { PCLOUD_ACCESS_TOKEN: spare }), cwd: fx.local })).code).toBe(
      0,
    );
    const other = await runInProcess('pcutil', ['ls', `p:/${spare}`], { env: caseEnv(fx), cwd: fx.local });
    expect(other).toMatchObject({ code: 1, stderr: `pcutil: p:/${spare}: no such file or folder\n` });
  });

  it('library errors and log lines carry none of them', async () => {
    // Only the library's own registrations may hide a token here, not those of earlier runs.
    forgetSecrets();
    const logged: string[] = [];
    const errors: unknown[] = [];
    for (const accessToken of [fx.secrets.revokedAccessToken, fx.secrets.foreignAccessToken]) {
      const client = createClient({ endpoint: fx.emulator.apiUrl, accessToken, retry: false, logger: (line) => void logged.push(line) });
      await client.call('listfolder', { path: '/docs' }).catch((error: unknown) => errors.push(error));
      await client.close();
    }
    const closed = createClient({
      endpoint: 'http://127.0.0.1:9',
      auth: fx.secrets.auth,
      retry: false,
      logger: (line) => void logged.push(line),
    });
    await closed.call('userinfo', {}).catch((error: unknown) => errors.push(error));
    await closed.close();
    expect(errors).toHaveLength(3);
    expect(errors.slice(0, 2).every((error) => error instanceof ApiError)).toBe(true);
    expect(errors.every((error) => error instanceof PCloudError)).toBe(true);
    const texts = errors.map((error) => {
      const e = error as PCloudError;
      return [e.message, e.hint ?? '', String(e), e.stack ?? '', JSON.stringify(e), String((e as { cause?: unknown }).cause ?? '')].join(
        '\n',
      );
    });
    expect(logged.length).toBeGreaterThan(0);
    expect(leakedSecrets([...texts, ...logged].join('\n'))).toEqual([]);
  });

  it('a login stores the token in the config file, the one place it belongs, and prints none of it', async () => {
    const noEnvToken = { PCLOUD_ACCESS_TOKEN: '' };
    const login = await verbose('pcloud-token', ['login', '--token', '-'], noEnvToken, `${fx.secrets.spareAccessToken}\n`);
    expect(login.code, login.stderr).toBe(0);
    // The search finds a token where there is one: the config file now holds the spare token,
    // readable by its owner only.
    expect(leakedSecrets(await readFile(fx.configFile, 'utf8'))).toEqual([fx.secrets.spareAccessToken]);
    expect((await stat(fx.configFile)).mode & 0o077).toBe(0);
    const whoami = await verbose('pcloud-token', ['whoami'], noEnvToken);
    const logout = await verbose('pcloud-token', ['logout'], noEnvToken);
    expect([whoami.code, logout.code]).toEqual([0, 0]);
    expect(leakedSecrets(await readFile(fx.configFile, 'utf8'))).toEqual([]);
    expect(leakedSecrets([login, whoami, logout].map((run) => run.stdout + run.stderr).join('\n'))).toEqual([]);
  });
});
