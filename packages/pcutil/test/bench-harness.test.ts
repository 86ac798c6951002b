// The transfer bench's own logic: a crashed or wrong run must fail its row, never count as fast.
import { describe, expect, it } from 'vitest';
// @ts-expect-error the bench is plain JavaScript run by Node, without type declarations
import { alternateRuns, median } from '../bench/alternate-runs.mjs';
// @ts-expect-error as above
import { treeDifference } from '../bench/fixtures.mjs';
// @ts-expect-error as above
import { checkedRun } from '../bench/measure-process.mjs';
// @ts-expect-error as above
import { transferReport, wallTimeReport } from '../bench/row-report.mjs';
// @ts-expect-error as above
import { runSyncRounds } from '../bench/sync-rounds.mjs';

type Run = { seconds: number; rssMb: number; failure?: string };
const scripted = (name: string, results: Run[], calls: string[]) => ({
  name,
  run: async (round: string) => {
    calls.push(`${name} ${round}`);
    return results.shift() ?? { seconds: 1, rssMb: 1 };
  },
});
const anyGoal = { text: 'goal', met: ({ ratio }: { ratio: number }) => ratio >= 2 };

describe('alternating runs', () => {
  it('alternates the contenders after the warm-up round and takes medians of the timed runs only', async () => {
    const calls: string[] = [];
    const outcome = await alternateRuns({
      rounds: 3,
      warmups: 1,
      contenders: [
        scripted(
          'pcutil',
          [
            { seconds: 99, rssMb: 500 },
            { seconds: 3, rssMb: 60 },
            { seconds: 1, rssMb: 80 },
            { seconds: 2, rssMb: 70 },
          ],
          calls,
        ),
        scripted(
          'rclone',
          [
            { seconds: 9, rssMb: 40 },
            { seconds: 5, rssMb: 40 },
            { seconds: 6, rssMb: 45 },
            { seconds: 4, rssMb: 50 },
          ],
          calls,
        ),
      ],
    });
    expect(calls).toEqual(['pcutil warm-up', 'rclone warm-up', 'pcutil 1', 'rclone 1', 'pcutil 2', 'rclone 2', 'pcutil 3', 'rclone 3']);
    expect(outcome.failure).toBeUndefined();
    expect(outcome.byName.pcutil).toEqual({ medianSeconds: 2, peakRssMb: 80, seconds: [3, 1, 2] });
    expect(outcome.byName.rclone.medianSeconds).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('stops at the first failed run, warm-up included, and names it', async () => {
    const calls: string[] = [];
    const outcome = await alternateRuns({
      rounds: 3,
      warmups: 1,
      contenders: [
        scripted(
          'pcutil',
          [
            { seconds: 1, rssMb: 1 },
            { seconds: 0.01, rssMb: 1, failure: 'exit 1: boom' },
          ],
          calls,
        ),
        scripted('rclone', [], calls),
      ],
    });
    expect(calls).toEqual(['pcutil warm-up', 'rclone warm-up', 'pcutil 1']);
    expect(outcome.failure).toBe('pcutil run 1: exit 1: boom');
    const report = transferReport({ work: '1 GiB upload', amount: 1024 ** 3, unit: 'MiB/s', outcome, goal: anyGoal });
    expect(report).toMatchObject({ verdict: 'FAILED', pcutil: '—', ratio: '—', failure: 'pcutil run 1: exit 1: boom' });
  });
});

describe('row reports', () => {
  const outcome = (pcutil: number, rclone: number) => ({
    byName: {
      pcutil: { medianSeconds: pcutil, peakRssMb: 90, seconds: [pcutil] },
      rclone: { medianSeconds: rclone, peakRssMb: 50, seconds: [rclone] },
    },
  });

  it('gives throughput, pcutil ÷ rclone and the verdict of a transfer row', () => {
    const report = transferReport({ work: 'files', amount: 2000, unit: 'files/s', outcome: outcome(2, 8), goal: anyGoal });
    expect(report).toEqual({
      work: 'files',
      pcutil: '1000 files/s, peak RSS 90 MB',
      rclone: '250 files/s, peak RSS 50 MB',
      ratio: '4.00×',
      goal: 'goal',
      verdict: 'met',
    });
  });

  it('divides times for a wall-time row, so lower is better', () => {
    const report = wallTimeReport({
      work: 'help',
      outcome: outcome(0.3, 0.1),
      goal: { text: '≤ 1', met: ({ ratio }: { ratio: number }) => ratio <= 1 },
    });
    expect(report).toMatchObject({ pcutil: '300 ms, peak RSS 90 MB', ratio: '3.00× the time', verdict: 'not met' });
  });
});

describe('checks of a run', () => {
  const options = { env: { PATH: process.env.PATH ?? '' }, cwd: process.cwd() };

  it('fails a run that exits non-zero, whatever its speed', async () => {
    const result = await checkedRun(process.execPath, ['-e', 'console.error("no such file"); process.exit(3)'], options);
    expect(result.failure).toBe('exit 3: no such file');
  });

  it('fails a clean exit whose result is wrong, and measures the peak RSS of a good one', async () => {
    const wrong = await checkedRun(process.execPath, ['-e', '0'], options, async () => '2 with wrong bytes');
    expect(wrong.failure).toBe('2 with wrong bytes');
    const good = await checkedRun(
      process.execPath,
      ['-e', 'globalThis.keep = Buffer.alloc(64 * 1024 * 1024, 1)'],
      options,
      async () => undefined,
    );
    expect(good.failure).toBeUndefined();
    expect(good.rssMb).toBeGreaterThan(64);
  });

  it('tells missing, unexpected and changed files apart', () => {
    const expected = new Map([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ]);
    expect(treeDifference(expected, new Map(expected))).toBeUndefined();
    expect(
      treeDifference(
        expected,
        new Map([
          ['a', '1'],
          ['b', 'x'],
          ['d', '4'],
        ]),
      ),
    ).toBe('1 missing (c); 1 unexpected (d); 1 with wrong bytes (b)');
  });
});

describe('sync rounds', () => {
  type Script = Record<string, (args: string[]) => Run>;
  /** A bench target whose contenders answer by script, recording each command's source. */
  const scriptedTarget = (script: Script, calls: string[]) => {
    const contender = (name: string) => async (args: string[]) => {
      calls.push(`${name} ${args.find((arg) => arg.includes('/tree-')) ?? ''}`);
      return script[name]?.(args) ?? { seconds: 1, rssMb: 1 };
    };
    return {
      pcutil: contender('pcutil'),
      rclone: contender('rclone'),
      api: { call: async () => ({}), deleteFolder: async () => undefined, treeSha1s: async () => new Map() },
    };
  };
  const trees = { base: { dir: '/x/tree-base', sums: new Map() }, changed: { dir: '/x/tree-changed', sums: new Map() } };

  it('syncs each contender once first, then alternates no-change, changed and back runs, and takes medians', async () => {
    const calls: string[] = [];
    let next = 0;
    const pcutilTimes = [50, 3, 2, 9, 1, 4, 9, 2, 6];
    const target = scriptedTarget({ pcutil: () => ({ seconds: pcutilTimes[next++] ?? 0, rssMb: 10 }) }, calls);
    const outcome = await runSyncRounds({ target, rounds: 3, ...trees, onRun: () => undefined });
    expect(calls.slice(0, 4)).toEqual(['pcutil /x/tree-base/', 'rclone /x/tree-base', 'pcutil /x/tree-base/', 'rclone /x/tree-base']);
    // Round 2 lets rclone go first; the last round does not go back to the base tree.
    expect(calls.slice(8, 10)).toEqual(['rclone /x/tree-base', 'pcutil /x/tree-base/']);
    expect(calls).toHaveLength(2 + 3 * 4 + 2 * 2);
    expect(outcome.first.byName.pcutil.seconds).toEqual([50]);
    expect(outcome.unchanged.byName.pcutil.seconds).toEqual([3, 1, 2]);
    expect(outcome.unchanged.byName.pcutil.medianSeconds).toBe(2);
    expect(outcome.changed.byName.pcutil.seconds).toEqual([2, 4, 6]);
    expect(outcome.changed.failure).toBeUndefined();
  });

  it("with seed copy, gives rclone a checked server-side copy of pcutil's first sync instead of a run of its own", async () => {
    const calls: string[] = [];
    const apiCalls: string[] = [];
    const sums = new Map([['a.bin', 'aa']]);
    const seeded = (copied: Map<string, string>) => ({
      ...scriptedTarget({}, calls),
      api: {
        call: async (method: string, params: Record<string, unknown>) => {
          apiCalls.push(`${method} ${JSON.stringify(params)}`);
          return { metadata: { folderid: method === 'stat' ? 7 : 8 } };
        },
        deleteFolder: async () => undefined,
        treeSha1s: async (path: string) => (path.endsWith('rclone') ? copied : sums),
      },
    });
    const withSums = { base: { ...trees.base, sums }, changed: { ...trees.changed, sums } };
    const outcome = await runSyncRounds({ target: seeded(sums), rounds: 1, ...withSums, seed: 'copy', onRun: () => undefined });
    expect(calls.slice(0, 3)).toEqual(['pcutil /x/tree-base/', 'pcutil /x/tree-base/', 'rclone /x/tree-base']);
    expect(apiCalls).toContain('copyfolder {"folderid":7,"tofolderid":8,"copycontentonly":1}');
    expect(outcome.first.byName.rclone.seconds).toEqual([]);
    expect(outcome.unchanged.byName.rclone.seconds).toEqual([1]);
    await expect(
      runSyncRounds({ target: seeded(new Map()), rounds: 1, ...withSums, seed: 'copy', onRun: () => undefined }),
    ).rejects.toThrow(/server-side copy for rclone differs: 1 missing/);
  });

  it('fails the row of a wrong run and every row after it, and stops that contender', async () => {
    const calls: string[] = [];
    const target = scriptedTarget(
      {
        pcutil: (args) =>
          args.some((arg) => arg.includes('changed'))
            ? { seconds: 0.1, rssMb: 1, failure: '3 with wrong bytes' }
            : { seconds: 1, rssMb: 1 },
      },
      calls,
    );
    const outcome = await runSyncRounds({ target, rounds: 2, ...trees, onRun: () => undefined });
    expect(outcome.first.failure).toBeUndefined();
    expect(outcome.unchanged.failure).toBeUndefined();
    expect(outcome.changed.failure).toBe('pcutil 1%-changed run 1: 3 with wrong bytes');
    expect(calls.filter((call) => call.startsWith('pcutil'))).toHaveLength(3);

    // rclone's third run of the base tree is the untimed way back after round 1.
    let baseRuns = 0;
    const failBack = (args: string[]): Run =>
      args.some((arg) => arg.includes('base')) && ++baseRuns === 3 ? { seconds: 1, rssMb: 1, failure: 'exit 1' } : { seconds: 1, rssMb: 1 };
    const afterBack = await runSyncRounds({
      target: scriptedTarget({ rclone: failBack }, []),
      rounds: 2,
      ...trees,
      onRun: () => undefined,
    });
    expect(afterBack.first.failure).toBeUndefined();
    expect(afterBack.unchanged.failure).toBe('rclone: the back to the base tree 1 (untimed) before it failed: exit 1');
    expect(afterBack.changed.failure).toBe(afterBack.unchanged.failure);
  });
});
