import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ faults: { rules: [{ methods: ['getip'], failEvery: 2, failResult: 4000 }] } });
});
afterEach(() => emu.faults.set({}));
afterAll(() => emu.close());

describe('fault injection', () => {
  test('options at start-up: every 2nd getip answers 4000', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await api(emu, 'getip')).body.result);
    expect(results).toEqual([0, 4000, 0, 4000]);
  });

  test('every Nth call of any method fails with 5000 and the message; counted as injected', async () => {
    emu.faults.set({ rules: [{ failEvery: 3 }] });
    const before = emu.faults.injected;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await api(emu, 'stat', { path: '/' })).body);
    expect(answers.map((a) => a.result)).toEqual([0, 0, 5000, 0, 0, 5000]);
    expect(answers[2]).toEqual({ result: 5000, error: 'Internal error. Try again later.' });
    expect(emu.faults.injected - before).toBe(2);
  });

  test('per-method rules leave other methods alone', async () => {
    emu.faults.set({ rules: [{ methods: ['listfolder'], failEvery: 1, failResult: 4000 }] });
    expect((await api(emu, 'listfolder', { folderid: 0 })).body).toEqual({
      result: 4000,
      error: 'Too many login tries from this IP address.',
    });
    expect((await api(emu, 'stat', { path: '/' })).body.result).toBe(0);
  });

  test('latency delays the answer but it still comes', async () => {
    emu.faults.set({ rules: [{ methods: ['stat'], latencyMs: 50 }] });
    expect((await ok(emu, 'stat', { path: '/' })).metadata.folderid).toBe(0);
  });

  test('a reset mid-request breaks the upload; the server keeps serving', async () => {
    emu.faults.set({ rules: [{ methods: ['uploadfile'], resetRequestEvery: 1 }] });
    const body = Buffer.alloc(4 * 1024 * 1024, 7);
    await expect(
      fetch(`${emu.apiUrl}/uploadfile?folderid=0&filename=reset.bin`, {
        method: 'PUT',
        body,
        headers: { Authorization: `Bearer ${emu.token}` },
      }),
    ).rejects.toThrow();
    emu.faults.set({});
    expect((await api(emu, 'stat', { path: '/reset.bin' })).body.result).toBe(2055);
  });

  test('a reset mid-response cuts the JSON body', async () => {
    emu.faults.set({ rules: [{ methods: ['listfolder'], resetResponseEvery: 1 }] });
    const response = await fetch(`${emu.apiUrl}/listfolder?folderid=0`, { headers: { Authorization: `Bearer ${emu.token}` } });
    await expect(response.text()).rejects.toThrow();
  });

  test('a reset mid-body on the download host cuts the content', async () => {
    const fileid = await emu.seedFile('/cut.bin', Buffer.alloc(256 * 1024, 1));
    const link = await ok(emu, 'getfilelink', { fileid });
    emu.faults.set({ rules: [{ methods: ['download'], resetResponseEvery: 1 }] });
    const response = await fetch(`http://${link.hosts[0]}${link.path}`);
    expect(response.headers.get('content-length')).toBe(String(256 * 1024));
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  test('recursive listings above the entry limit answer 5000', async () => {
    for (let i = 0; i < 5; i++) await emu.seedFile(`/Big/f${i}.txt`, 'x');
    emu.faults.set({ maxRecursiveEntries: 3 });
    expect((await api(emu, 'listfolder', { path: '/Big', recursive: 1 })).body.result).toBe(5000);
    expect((await ok(emu, 'listfolder', { path: '/Big' })).metadata.contents).toHaveLength(5);
    emu.faults.set({ maxRecursiveEntries: 10 });
    expect((await ok(emu, 'listfolder', { path: '/Big', recursive: 1 })).metadata.contents).toHaveLength(5);
  });
});
