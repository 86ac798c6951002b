/**
 * Retries and timeouts against the emulator's fault injection over real sockets: injected
 * 5000/4000 answers, connections reset mid-request and mid-response, latency beyond the idle
 * timeout. Attempts are counted by the emulator, never timed.
 */
import { Readable } from 'node:stream';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type PCloudClient } from '../../src/client/create-client.js';
import type { ClientOptions } from '../../src/client/client-options.js';

const fast = { retries: 3, minDelayMs: 5, maxDelayMs: 20, maxElapsedMs: 10_000 };
let emu: Emulator;
let lines: string[];
const allLines: string[] = [];
let injectedBefore = 0;
/** Faults injected since the test began (the emulator's counter runs for its whole life). */
const injected = (): number => emu.faults.injected - injectedBefore;
const clients: PCloudClient[] = [];

function client(options: ClientOptions = {}): PCloudClient {
  const c = createClient({
    endpoint: emu.apiUrl,
    accessToken: emu.token,
    retry: fast,
    logger: (line) => lines.push(line) && allLines.push(line),
    ...options,
  });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  emu = await createEmulator({ seed: { accessToken: 'retry-test-secret-token-42' } });
});
beforeEach(() => {
  lines = [];
  emu.faults.set({});
  injectedBefore = emu.faults.injected;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emu.close();
});

describe('retries', () => {
  it('repeats safe calls after injected 5000 and 4000 answers', async () => {
    emu.faults.set({
      rules: [
        { methods: ['listfolder'], failEvery: 2, failResult: 5000 },
        { methods: ['userinfo'], failEvery: 2, failResult: 4000 },
      ],
    });
    const c = client();
    for (let i = 0; i < 3; i++) {
      await expect(c.call('listfolder', { folderid: 0 })).resolves.toHaveProperty('metadata.folderid', 0);
      await expect(c.call('userinfo')).resolves.toHaveProperty('email', emu.seeded.email);
    }
    expect(injected()).toBeGreaterThanOrEqual(2);
    expect(lines.some((line) => /^listfolder retry 1\/3 in \d+ ms: listfolder: Internal error/.test(line))).toBe(true);
  });

  it('repeats safe calls after the connection is reset mid-request and mid-response', async () => {
    emu.seedFolder('/resets');
    emu.faults.set({
      rules: [
        { methods: ['stat'], resetRequestEvery: 2 },
        { methods: ['checksumfile'], resetResponseEvery: 2 },
      ],
    });
    const fileid = await emu.seedFile('/resets/a.txt', 'abc');
    const c = client();
    for (let i = 0; i < 3; i++) {
      await expect(c.call('stat', { path: '/resets' })).resolves.toHaveProperty('metadata.isfolder', true);
      await expect(c.call('checksumfile', { fileid })).resolves.toHaveProperty('sha1', 'a9993e364706816aba3e25717850c26c9cd0d89d');
    }
    expect(injected()).toBeGreaterThanOrEqual(2);
  });

  it('gives up after the configured number of retries', async () => {
    emu.faults.set({ rules: [{ methods: ['userinfo'], failEvery: 1, failResult: 5000 }] });
    await expect(client().call('userinfo')).rejects.toMatchObject({ result: 5000, method: 'userinfo' });
    expect(injected()).toBe(4);
  });

  it('stops within the time budget however many retries are allowed', async () => {
    emu.faults.set({ rules: [{ methods: ['userinfo'], failEvery: 1, failResult: 5000 }] });
    const c = client({ retry: { retries: 1000, minDelayMs: 40, maxDelayMs: 80, maxElapsedMs: 300 } });
    await expect(c.call('userinfo')).rejects.toMatchObject({ result: 5000 });
    expect(injected()).toBeGreaterThan(1);
    expect(injected()).toBeLessThan(20);
  });

  it('never repeats a call that is unsafe to repeat, even after a reset', async () => {
    emu.faults.set({ rules: [{ methods: ['createfolder'], failEvery: 1, failResult: 5000 }] });
    await expect(client().call('createfolder', { path: '/once-a' })).rejects.toMatchObject({ result: 5000 });
    expect(injected()).toBe(1);
    injectedBefore = emu.faults.injected;
    emu.faults.set({ rules: [{ methods: ['createfolder'], resetResponseEvery: 1 }] });
    await expect(client().call('createfolder', { path: '/once-b' })).rejects.toMatchObject({ code: 'TRANSPORT_ERROR' });
    expect(injected()).toBe(1);
  });

  it('repeats an upload after a reset only with a body factory, sending fresh bytes each time', async () => {
    emu.faults.set({ rules: [{ methods: ['uploadfile'], resetRequestEvery: 1 }] });
    const payload = Buffer.from('upload retried with a fresh stream');
    const once = client().call(
      'uploadfile',
      { folderid: 0, filename: 'r.txt', nopartial: true },
      {
        body: { kind: 'data', stream: Readable.from([payload]), length: payload.length },
      },
    );
    await expect(once).rejects.toMatchObject({ code: 'TRANSPORT_ERROR' });
    expect(injected()).toBe(1);
    emu.faults.set({ rules: [{ methods: ['uploadfile'], resetRequestEvery: 2 }] });
    let bodies = 0;
    const c = client();
    await c.call(
      'uploadfile',
      { folderid: 0, filename: 'warmup.txt' },
      { body: () => ({ kind: 'data', stream: Readable.from([payload]), length: payload.length }) },
    );
    const up = await c.call(
      'uploadfile',
      { folderid: 0, filename: 'r.txt', nopartial: true },
      {
        body: () => {
          bodies++;
          return { kind: 'data', stream: Readable.from([payload]), length: payload.length };
        },
      },
    );
    expect(bodies).toBe(2);
    expect(up.metadata[0]).toMatchObject({ name: 'r.txt', size: payload.length });
  });
});

describe('timeouts', () => {
  it('fails a call that stays silent beyond 5×timeout, retrying it within bounds', async () => {
    emu.faults.set({ rules: [{ methods: ['userinfo'], latencyMs: 1000 }] });
    const once = client({ timeout: 0.05, retry: false });
    await expect(once.call('userinfo')).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringMatching(/^userinfo: no answer in time/),
    });
    const retried = client({ timeout: 0.05, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 10_000 } });
    await expect(retried.call('userinfo')).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(lines.filter((line) => line.startsWith('userinfo retry'))).toHaveLength(2);
  });

  it('waits for a slow answer within the idle timeout', async () => {
    emu.faults.set({ rules: [{ methods: ['userinfo'], latencyMs: 300 }] });
    await expect(client({ timeout: 1, retry: false }).call('userinfo')).resolves.toHaveProperty('userid', emu.seeded.userid);
  });

  it('never writes the token into a log line', () => {
    expect(allLines.length).toBeGreaterThan(20);
    expect(allLines.join('\n')).not.toContain('retry-test-secret-token-42');
  });
});
