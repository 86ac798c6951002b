/** Runs one bad-input case against the fixture, with before/after pictures of everything it could touch. */
import { readFile, writeFile } from 'node:fs/promises';
import { runInProcess, runSpawned, type ToolResult } from '../support/run-tool.js';
import { localSnapshot, remoteSnapshot } from '../support/snapshots.js';
import type { ToolkitFixture } from '../support/toolkit-fixture.js';
import type { BadInputCase } from './cases.js';

/** A valid config file: the one every case starts from unless it brings its own. */
export const VALID_CONFIG = `${JSON.stringify({ timeout: 5, verbose: false, playlist: { 'music-folder': '/Music' } }, null, 2)}\n`;

/** One run of a case and the state around it. */
export interface CaseRun {
  result: ToolResult;
  configBefore: Buffer;
  configAfter: Buffer;
  localBefore: string[];
  localAfter: string[];
  remoteBefore: string[];
  remoteAfter: string[];
}

/** The environment of a run: only what the case gives, never the developer's own credentials. */
export function caseEnv(fx: ToolkitFixture, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: fx.home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    PCLOUD_CONFIG: fx.configFile,
    PCLOUD_ENDPOINT: fx.emulator.apiUrl,
    PCLOUD_ACCESS_TOKEN: fx.secrets.accessToken,
    ...extra,
  };
}

/** Writes the case's config, takes the pictures, runs the bin (in-process or spawned), takes them again. */
export async function runCase(fx: ToolkitFixture, testCase: BadInputCase, mode: 'in-process' | 'spawned'): Promise<CaseRun> {
  await writeFile(fx.configFile, testCase.config ?? VALID_CONFIG);
  const configBefore = await readFile(fx.configFile);
  const localBefore = await localSnapshot(fx.local);
  const remoteBefore = await remoteSnapshot(fx.client);
  const stdin = testCase.stdin?.(fx.secrets);
  const options = { env: caseEnv(fx, testCase.env?.(fx.secrets)), cwd: fx.local, ...(stdin === undefined ? {} : { stdin }) };
  const result =
    mode === 'spawned' ? await runSpawned(testCase.bin, testCase.args, options) : await runInProcess(testCase.bin, testCase.args, options);
  return {
    result,
    configBefore,
    configAfter: await readFile(fx.configFile),
    localBefore,
    localAfter: await localSnapshot(fx.local),
    remoteBefore,
    remoteAfter: await remoteSnapshot(fx.client),
  };
}
