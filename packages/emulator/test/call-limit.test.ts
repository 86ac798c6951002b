import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CallLimit } from '../src/call-limit.js';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

describe('the call limit (a clock of our own)', () => {
  test('beyond N calls started within a second, calls are refused until the oldest is a second old', () => {
    let now = 0;
    const limit = new CallLimit({ perSecond: 2 }, () => now);
    expect(limit.admit()).toBe(true);
    now = 500;
    expect([limit.admit(), limit.admit()]).toEqual([true, false]);
    now = 999;
    expect(limit.admit()).toBe(false);
    now = 1000;
    expect([limit.admit(), limit.admit()]).toEqual([true, false]);
    now = 1500;
    expect(limit.admit()).toBe(true);
  });

  test('beyond M calls in flight, calls are refused until one is released; refused calls do not count', () => {
    const limit = new CallLimit({ inFlight: 1 });
    expect(limit.admit()).toBe(true);
    expect(limit.admit()).toBe(false);
    expect(limit.admit()).toBe(false);
    limit.release();
    expect(limit.admit()).toBe(true);
    expect(limit.result).toBe(4000);
  });
});

describe('the throttling fault over real sockets', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterEach(() => emu.faults.set({}));
  afterAll(() => emu.close());

  test('API calls beyond the rate answer 4000 with pCloud error text, counted in the tally', async () => {
    emu.faults.set({ callLimit: { perSecond: 3 } });
    const before = emu.faults.tally.throttled;
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await api(emu, 'stat', { path: '/' })).body);
    expect(results.map((r) => r.result)).toEqual([0, 0, 0, 4000, 4000]);
    expect(results[3]).toEqual({ result: 4000, error: 'Too many login tries from this IP address.' });
    expect(emu.faults.tally.throttled - before).toBe(2);
  });

  test('calls beyond the number in flight are refused while the others are answered, then let through', async () => {
    emu.faults.set({ callLimit: { inFlight: 2 }, rules: [{ methods: ['stat'], latencyMs: 300 }] });
    const answers = await Promise.all(Array.from({ length: 4 }, () => api(emu, 'stat', { path: '/' })));
    // The first two arrive first; each of the four is either answered or throttled.
    const results = answers.map((a) => a.body.result).sort();
    expect(results.filter((r) => r === 4000).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r === 0 || r === 4000)).toBe(true);
    expect((await ok(emu, 'stat', { path: '/' })).result).toBe(0);
  });

  test('the download host answers 429 beyond the limit', async () => {
    const fileid = await emu.seedFile('/throttled.txt', 'hello');
    const link = await ok(emu, 'getfilelink', { fileid });
    emu.faults.set({ callLimit: { perSecond: 1 } });
    const url = `${emu.downloadUrl}${link.path}`;
    expect((await fetch(url)).status).toBe(200);
    const refused = await fetch(url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
  });
});
