/**
 * The closing line of scripts/test.sh agrees with vitest's exit status: a real vitest run whose only
 * test passes but leaves an unhandled rejection (vitest exits 1, its JSON report counts no failure)
 * closes with `1 passed, 1 failed`, and so does any run vitest failed for a reason it did not count.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const summarize = join(root, 'scripts', 'summarize-report.mjs');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pcloud-summary-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the closing line', () => {
  it('counts an unhandled error of a real vitest run as a failure, as vitest exits 1', async () => {
    const project = join(dir, 'project');
    await mkdir(project);
    await writeFile(join(project, 'vitest.config.mjs'), 'export default { test: { globals: true, include: ["*.test.mjs"] } };\n');
    await writeFile(
      join(project, 'late.test.mjs'),
      "test('passes, but leaves a rejection nobody handles', async () => {\n  Promise.reject(new Error('nobody handled this'));\n  await new Promise((resolve) => setTimeout(resolve, 20));\n});\n",
    );
    const [report, unhandled] = [join(dir, 'report.json'), join(dir, 'unhandled.json')];
    const vitest = await run(
      [
        join(root, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        '--root',
        project,
        '--reporter=json',
        `--reporter=${join(root, 'scripts', 'unhandled-errors-reporter.mjs')}`,
        `--outputFile.json=${report}`,
      ],
      { PCLOUD_UNHANDLED_REPORT: unhandled, CI: 'true' },
    );
    expect(vitest.code, vitest.stderr).toBe(1);
    expect(JSON.parse(await readFile(report, 'utf8'))).toMatchObject({ numPassedTests: 1, numFailedTests: 0 });
    const summary = await run([summarize, report, unhandled, String(vitest.code)]);
    expect(summary).toMatchObject({ code: 1, stdout: '1 passed, 1 failed\n' });
    expect(summary.stderr).toContain('summarize-report: unhandled error: nobody handled this');
  });

  it('counts one failure when vitest failed and nothing says why, and none when all is well', async () => {
    const report = join(dir, 'clean.json');
    await writeFile(report, JSON.stringify({ numPassedTests: 3, numFailedTests: 0, testResults: [] }));
    const missing = join(dir, 'no-such-unhandled.json');
    expect(await run([summarize, report, missing, '1'])).toMatchObject({ code: 1, stdout: '3 passed, 1 failed\n' });
    expect(await run([summarize, report, missing, '0'])).toMatchObject({ code: 0, stdout: '3 passed, 0 failed\n' });
  });
});
