/**
 * The demo (README command 1) end to end, as a user runs it: it must succeed, and before the step
 * that uses a second emulator in legacy mode it must say why, so that nobody takes it to show
 * playlists working with an OAuth token on pCloud today. Needs `pnpm build` first.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { assertBuilt, repoRoot } from '../install/support/pack-and-install.js';

const NOTE =
  'Note: playlists and the token list run on a second emulator in legacy mode: since April 2026 pCloud refuses them to OAuth tokens, so on pCloud they work only with a legacy auth token.';

it('runs end to end and says why playlists run on a legacy emulator', async () => {
  assertBuilt();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(repoRoot, 'scripts', 'demo.mjs')], { timeout: 90_000 }, (error, out, err) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout: out, stderr: err });
    });
  });
  expect(code, stderr).toBe(0);
  const lines = stdout.split('\n');
  expect(lines.filter((line) => line === NOTE)).toHaveLength(1);
  const note = lines.indexOf(NOTE);
  const firstPlaylist = lines.findIndex((line) => line.startsWith('$ pcloud-playlist'));
  expect(note).toBeLessThan(firstPlaylist);
  expect(lines.slice(0, note).some((line) => line.startsWith('$ pcloud-playlist'))).toBe(false);
  expect(stdout).toContain('✔ restored tree is identical');
  expect(stdout).toContain('      Token-id Expiry Date                Client');
}, 120_000);
