import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { ok, startEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

/**
 * A client killed mid-upload (pcutil under SIGKILL): the request's file part is queued but not
 * yet read (the call is held by a latency fault) when the connection drops. The part's stream
 * then fails with 'request aborted'; without a listener that was an uncaught exception.
 */
test('a client that hangs up while its multipart upload waits does not crash the emulator', async () => {
  emu.faults.set({ rules: [{ methods: ['uploadfile'], latencyMs: 150 }] });
  const port = Number(new URL(emu.apiUrl).port);
  const boundary = 'hangupboundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="path"\r\n\r\n/\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const request =
    `POST /uploadfile?access_token=${emu.token} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
    `Content-Length: ${head.length + 100_000}\r\n\r\n${head}${'x'.repeat(1000)}`;
  try {
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(request);
        setTimeout(() => socket.destroy(), 40);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    emu.faults.set({});
  }
  expect((await ok(emu, 'stat', { path: '/' })).metadata.folderid).toBe(0);
  expect((await ok(emu, 'listfolder', { path: '/' })).metadata.contents?.some((item: { name: string }) => item.name === 'a.bin')).toBe(
    false,
  );
});
