import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, resolveRetry, sleep } from '../../src/client/retry.js';

describe('retry options', () => {
  it('merges over the defaults and turns false into zero retries', () => {
    expect(resolveRetry(undefined)).toEqual(DEFAULT_RETRY);
    expect(resolveRetry({ retries: 1 })).toEqual({ ...DEFAULT_RETRY, retries: 1 });
    expect(resolveRetry(false).retries).toBe(0);
  });

  it('rejects negative values', () => {
    expect(() => resolveRetry({ minDelayMs: -1 })).toThrow(/minDelayMs/);
  });
});

describe('backoffDelay', () => {
  const options = { retries: 9, minDelayMs: 100, maxDelayMs: 1000, maxElapsedMs: 10_000 };

  it('doubles per retry with jitter between half and the full step', () => {
    expect(backoffDelay(1, options, () => 0)).toBe(50);
    expect(backoffDelay(1, options, () => 0.999999)).toBe(100);
    expect(backoffDelay(3, options, () => 0)).toBe(200);
  });

  it('caps one delay at maxDelayMs', () => {
    expect(backoffDelay(20, options, () => 0.999999)).toBe(1000);
  });
});

describe('sleep', () => {
  it('rejects with ABORTED when the signal fires', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal, 'stat');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', message: 'stat: the call was aborted.' });
  });
});
