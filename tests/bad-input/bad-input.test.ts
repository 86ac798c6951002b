/**
 * Bad input across the toolkit: every row of the table gives one clear line on stderr (shape in
 * error-shape.ts), the documented exit code, and changes nothing — local files, pCloud (files,
 * folders and playlists) and the config file are compared before and after.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorShapeProblems } from '../support/error-shape.js';
import { startToolkitFixture, type ToolkitFixture } from '../support/toolkit-fixture.js';
import { BAD_INPUT_CASES } from './cases.js';
import { runCase } from './run-case.js';

let fx: ToolkitFixture;

beforeAll(async () => {
  fx = await startToolkitFixture();
});

afterAll(async () => {
  await fx?.close();
});

const runs = BAD_INPUT_CASES.flatMap((testCase) => [
  { label: testCase.name, testCase, mode: 'in-process' as const },
  ...(testCase.spawn ? [{ label: `${testCase.name} (spawned bin)`, testCase, mode: 'spawned' as const }] : []),
]);

it('covers every tool bin, both exit codes and spawned bins', () => {
  expect(new Set(runs.map((run) => run.testCase.bin))).toEqual(new Set(['pcutil', 'pcloud-playlist', 'pcloud-token']));
  expect(new Set(runs.map((run) => run.testCase.code))).toEqual(new Set([1, 2]));
  expect(runs.filter((run) => run.mode === 'spawned').length).toBeGreaterThanOrEqual(5);
});

it.each(runs)('$label', async ({ testCase, mode }) => {
  const run = await runCase(fx, testCase, mode);
  const { result } = run;
  expect(result.code, result.stderr).toBe(testCase.code);
  expect(result.stderr.split('\n')[0]).toMatch(testCase.line);
  expect(errorShapeProblems(testCase.bin, result)).toEqual([]);
  expect(run.configAfter.equals(run.configBefore), 'the config file changed').toBe(true);
  expect(run.localAfter).toEqual(run.localBefore);
  expect(run.remoteAfter).toEqual(run.remoteBefore);
});
