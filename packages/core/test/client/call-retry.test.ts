/**
 * The client's retry loop over a scripted transport (the seam, not a socket): which calls are
 * repeated, how often, for how long, and that an upload is repeated only with a fresh body.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/create-client.js';
import { TransportError } from '../../src/errors.js';
import type { Transport, TransportCallOptions, WireAnswer } from '../../src/client/transport.js';

type Step = WireAnswer | Error;

function scripted(steps: Step[]): Transport & { calls: Array<{ method: string; options: TransportCallOptions }> } {
  const calls: Array<{ method: string; options: TransportCallOptions }> = [];
  return {
    kind: 'scripted',
    calls,
    async call(method, _params, options) {
      calls.push({ method, options });
      const step = steps.shift() ?? { result: 0 };
      if (step instanceof Error) throw step;
      return step;
    },
    async close() {},
  };
}

const fast = { retries: 3, minDelayMs: 1, maxDelayMs: 2, maxElapsedMs: 5000 };
const reset = (): TransportError =>
  new TransportError('x: connection failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });

describe('retries', () => {
  it('repeats a safe call after 5000, 4000 and a reset, then returns the answer', async () => {
    const transport = scripted([{ result: 5000 }, { result: 4000 }, reset(), { result: 0, tokens: [] }]);
    const client = createClient({ transport, retry: fast });
    await expect(client.call('listtokens')).resolves.toEqual({ tokens: [] });
    expect(transport.calls).toHaveLength(4);
  });

  it('gives up after the retry count with the last error', async () => {
    const transport = scripted([{ result: 5000 }, { result: 5000 }, { result: 5000 }, { result: 5000 }, { result: 0 }]);
    const client = createClient({ transport, retry: fast });
    await expect(client.call('stat', { fileid: 1 })).rejects.toMatchObject({ result: 5000, method: 'stat' });
    expect(transport.calls).toHaveLength(4);
  });

  it('stops when the next delay would pass the time budget', async () => {
    const transport = scripted([{ result: 5000 }, { result: 0 }]);
    const client = createClient({ transport, retry: { retries: 5, minDelayMs: 1000, maxDelayMs: 1000, maxElapsedMs: 100 } });
    await expect(client.call('stat', { fileid: 1 })).rejects.toMatchObject({ result: 5000 });
    expect(transport.calls).toHaveLength(1);
  });

  it('never repeats an unsafe call or a permanent error', async () => {
    const unsafe = scripted([{ result: 5000 }, { result: 0 }]);
    await expect(createClient({ transport: unsafe, retry: fast }).call('deletefile', { fileid: 3 })).rejects.toMatchObject({
      result: 5000,
    });
    expect(unsafe.calls).toHaveLength(1);
    const permanent = scripted([{ result: 2009, error: 'File not found.' }, { result: 0 }]);
    await expect(createClient({ transport: permanent, retry: fast }).call('stat', { fileid: 3 })).rejects.toThrow(
      'stat: File not found. (2009)',
    );
    expect(permanent.calls).toHaveLength(1);
  });

  it('repeats an upload only when the body comes from a factory, with a fresh body each time', async () => {
    const body = () => ({ kind: 'data' as const, stream: Readable.from([Buffer.from('x')]), length: 1 });
    const once = scripted([{ result: 5000 }, { result: 0 }]);
    await expect(
      createClient({ transport: once, retry: fast }).call('uploadfile', { folderid: 0, filename: 'a' }, { body: body() }),
    ).rejects.toMatchObject({ result: 5000 });
    expect(once.calls).toHaveLength(1);
    const again = scripted([reset(), { result: 0, fileids: [], metadata: [], checksums: [] }]);
    await createClient({ transport: again, retry: fast }).call('uploadfile', { folderid: 0, filename: 'a' }, { body });
    expect(again.calls).toHaveLength(2);
    expect(again.calls[0]?.options.body).not.toBe(again.calls[1]?.options.body);
  });

  it('lets a call opt in or out of retrying', async () => {
    const optIn = scripted([{ result: 5000 }, { result: 0 }]);
    await createClient({ transport: optIn, retry: fast }).call('deletefile', { fileid: 3 }, { retry: true });
    expect(optIn.calls).toHaveLength(2);
    const optOut = scripted([{ result: 5000 }, { result: 0 }]);
    await expect(createClient({ transport: optOut, retry: fast }).call('stat', { fileid: 3 }, { retry: false })).rejects.toMatchObject({
      result: 5000,
    });
  });

  it('stops retrying when aborted', async () => {
    const controller = new AbortController();
    const transport = scripted([{ result: 5000 }, { result: 0 }]);
    const client = createClient({
      transport,
      retry: { ...fast, minDelayMs: 10_000, maxDelayMs: 10_000, maxElapsedMs: 60_000 },
      signal: controller.signal,
    });
    const pending = client.call('stat', { fileid: 1 });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    expect(transport.calls).toHaveLength(1);
  });
});

describe('logging', () => {
  it('logs method, redacted parameters, retries and outcome, never a secret', async () => {
    const lines: string[] = [];
    const transport = scripted([{ result: 5000 }, { result: 0, access_token: 'fresh-token-value-999', token_type: 'bearer', uid: 1 }]);
    const client = createClient({ transport, retry: fast, logger: (line) => lines.push(line), accessToken: 'client-token-value-777' });
    await client.call(
      'oauth2_token',
      { client_id: 'app', client_secret: 'app-secret-value-555', code: 'one-time-code-333' },
      { retry: true },
    );
    expect(lines[0]).toBe('scripted oauth2_token {"client_id":"app","client_secret":"[REDACTED]","code":"[REDACTED]"}');
    expect(lines[1]).toMatch(/^oauth2_token retry 1\/3 in \d+ ms: oauth2_token: Internal error\. Try again later\. \(5000\)$/);
    expect(lines[2]).toMatch(/^oauth2_token ok in \d+ ms$/);
    for (const secret of ['fresh-token-value-999', 'client-token-value-777', 'app-secret-value-555', 'one-time-code-333']) {
      expect(lines.join('\n')).not.toContain(secret);
    }
  });
});

describe('errors and hints', () => {
  it('adds the region hint to 2094 and the 2026 refusal hint to OAuth-refused methods', async () => {
    const transport = scripted([
      { result: 2094, error: "Invalid 'access_token' provided." },
      { result: 1000, error: 'Log in required.' },
    ]);
    const client = createClient({ transport, accessToken: 'hint-token-123456' });
    await expect(client.call('userinfo')).rejects.toMatchObject({ code: 'AUTH_ERROR', hint: expect.stringContaining('-e us') });
    await expect(client.call('collection_list')).rejects.toMatchObject({ result: 1000, hint: expect.stringContaining('OAuth') });
  });
});
