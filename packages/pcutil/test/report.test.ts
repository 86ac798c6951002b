import { describe, expect, it } from 'vitest';
import { createCopySummary, finishCopySummary, formatCopySummary } from '../src/report/copy-summary.js';
import { formatDuration, formatRate } from '../src/report/format-units.js';
import { createProgress } from '../src/report/progress.js';
import { runPool } from '../src/copy/run-pool.js';

const MiB = 1024 * 1024;

describe('units', () => {
  it.each([
    [0.42, '0.4 s'],
    [12.4, '12 s'],
    [187, '3:07'],
    [3723, '1:02:03'],
    [-1, '?'],
  ])('formatDuration(%d) = %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));

  it('formats rates and avoids dividing by zero', () => {
    expect(formatRate(2_097_152, 2)).toBe('1.00 MiB/s');
    expect(formatRate(5, 0)).toBe('-');
    expect(formatRate(146, 0.2956)).toBe('494 B/s');
  });
});

describe('copy summary', () => {
  it('says what was copied, skipped and failed', () => {
    const summary = finishCopySummary({ ...createCopySummary(), files: 3, bytes: 12_288, skipped: 1, failed: 2, folders: 1 }, 0.4);
    expect(summary.bytesPerSecond).toBe(30_720);
    expect(formatCopySummary(summary)).toBe('3 file(s) copied (12.0 KiB) in 0.4 s, 30.0 KiB/s; 1 folder(s) created; 1 skipped; 2 failed.');
  });

  it('says how many linked folders were not followed, apart from other warnings', () => {
    const summary = finishCopySummary({ ...createCopySummary(), files: 1, bytes: 1, linksNotFollowed: 2, warnings: 1 }, 1);
    expect(formatCopySummary(summary)).toBe(
      '1 file(s) copied (1 B) in 1.0 s, 1 B/s; 2 linked folder(s) not followed (-L follows them); 1 warning(s); 0 failed.',
    );
  });

  it('counts the files that pCloud going away left uncopied', () => {
    const summary = finishCopySummary({ ...createCopySummary(), files: 2, bytes: 2048, notCopied: 298 }, 1);
    expect(formatCopySummary(summary)).toBe('2 file(s) copied (2.00 KiB) in 1.0 s, 2.00 KiB/s; 298 not copied; 0 failed.');
  });
});

describe('progress', () => {
  const sink = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, target: { write: (t: string) => void out.push(t), isTTY, columns: 200 } };
  };

  it('stays silent when not a terminal, except for lines', () => {
    const { out, target } = sink(false);
    const progress = createProgress(target, 100, () => 0);
    progress.start('a');
    progress.advance(50);
    progress.line('cp a p:/a');
    progress.end('a');
    progress.stop();
    expect(out).toEqual(['cp a p:/a\n']);
  });

  it('draws bytes, percent, rate, ETA and current files on a terminal, throttled', () => {
    const { out, target } = sink(true);
    let clock = 0;
    const progress = createProgress(target, 4 * MiB, () => clock);
    clock = 1000;
    progress.start('big.bin');
    clock = 1100;
    progress.advance(MiB); // within 200 ms of the last draw: not redrawn
    clock = 2000;
    progress.advance(MiB);
    const last = out.at(-1) ?? '';
    expect(out).toHaveLength(2);
    expect(last).toContain('50% 2.00 MiB / 4.00 MiB  1.00 MiB/s  ETA 2.0 s  big.bin');
    progress.line('done');
    expect(out.slice(-3)[0]).toBe('\r\u001b[2K');
    expect(out.slice(-2)[0]).toBe('done\n');
    progress.stop();
    expect(out.at(-1)).toBe('\r\u001b[2K');
  });

  it('escapes control characters in the names in flight and in its lines', () => {
    const { out, target } = sink(true);
    const progress = createProgress(target, 10, () => 1000);
    progress.start('\u001b]0;title\u0007.txt');
    expect(out.at(-1)).toContain('\\x1b]0;title\\x07.txt');
    progress.line('cp p:/\u001b[2J p:/x');
    expect(out.slice(-2)[0]).toBe('cp p:/\\x1b[2J p:/x\n');
    // Only the progress line's own redraw codes reach the terminal raw.
    expect(out.join('').replaceAll('\r\u001b[2K', '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('shows a status (a wait for pCloud) in place of rate, ETA and names on a terminal, and only there', () => {
    const { out, target } = sink(true);
    const progress = createProgress(target, 4 * MiB, () => 0);
    progress.start('a.bin');
    progress.advance(MiB);
    let seconds = 4;
    progress.status(() => `waiting for pCloud (connection refused), retry in ${seconds} s`);
    expect(out.at(-1)).toBe('\r\u001b[2K25% 1.00 MiB / 4.00 MiB  waiting for pCloud (connection refused), retry in 4 s');
    seconds = 3;
    progress.line('a line');
    expect(out.at(-1)).toContain('retry in 3 s');
    progress.status(undefined);
    expect(out.at(-1)).toContain('a.bin');
    expect(out.at(-1)).not.toContain('waiting');
    progress.stop();
    const quiet = sink(false);
    const plain = createProgress(quiet.target, 10, () => 0);
    plain.status(() => 'waiting for pCloud');
    plain.stop();
    expect(quiet.out).toEqual([]);
  });
});

describe('runPool', () => {
  it('keeps at most N in flight and runs every item', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(n);
      inFlight -= 1;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops starting new items when told to, and says how many it started', async () => {
    const seen: number[] = [];
    const started = await runPool(
      [1, 2, 3, 4, 5],
      1,
      async (n) => void seen.push(n),
      undefined,
      () => seen.includes(3),
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(started).toBe(3);
  });

  it('stops starting new items after an abort', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await runPool(
      [1, 2, 3, 4],
      1,
      async (n) => {
        seen.push(n);
        if (n === 2) controller.abort();
      },
      controller.signal,
    );
    expect(seen).toEqual([1, 2]);
  });
});
