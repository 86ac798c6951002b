import { describe, expect, it } from 'vitest';
import { ApiError, PCloudError } from '@pcloud/core';
import { batchSteps, BATCH_FILES } from '../src/copy/batch-steps.js';
import { executeCopy, type CopyOperations } from '../src/copy/execute-copy.js';
import type { CopyStep, Loc } from '../src/plan/types.js';
import { createProgress } from '../src/report/progress.js';
import { file, local, remote } from './plan/fixtures.js';

const copy = (from: Loc, to: Loc, size = 3, mtime = 1_700_000_000): CopyStep => ({
  op: 'copy',
  from,
  to,
  source: file('x', size, mtime),
  existing: undefined,
});

describe('batchSteps: which copies share an uploadfile request', () => {
  it('small uploads into one folder with one mtime share, new or replacing; big files, downloads and other folders or mtimes do not', () => {
    const a = copy(local('/h/a'), remote('/d/a'));
    const b = copy(local('/h/b'), remote('/d/b'));
    const other = copy(local('/h/c'), remote('/e/c'));
    const later = copy(local('/h/m'), remote('/d/m'), 3, 1_700_000_001);
    const replacing = { ...copy(local('/h/r'), remote('/d/r')), existing: file('r') };
    const big = copy(local('/h/big'), remote('/d/big'), 10 * 1024 ** 2);
    const down = copy(remote('/d/x'), local('/h/x'));
    const items = batchSteps([a, other, b, later, replacing, big, down]);
    expect(items).toEqual([[a, b, replacing], [other], [later], [big], [down]]);
  });

  it('a batch holds at most BATCH_FILES files', () => {
    const steps = Array.from({ length: BATCH_FILES + 3 }, (_, i) => copy(local(`/h/${i}`), remote(`/d/${i}`)));
    expect(batchSteps(steps).map((item) => item.length)).toEqual([BATCH_FILES, 3]);
  });
});

describe('executeCopy with batches', () => {
  function harness(batch: CopyOperations['transferBatch']) {
    const single: string[] = [];
    const complaints: string[] = [];
    const operations: CopyOperations = {
      mkdir: async () => undefined,
      async transfer(step, onBytes) {
        single.push(step.to.path);
        onBytes(3);
        return 3;
      },
      ...(batch ? { transferBatch: batch } : {}),
    };
    const progress = createProgress({ write: () => undefined, isTTY: false }, 0);
    const options = { jobs: undefined, verbose: false, progress, complain: (line: string) => void complaints.push(line) };
    return { single, complaints, operations, options };
  }
  const steps = ['/d/1', '/d/2', '/d/3', '/d/4'].map((path) => copy(local(`/h${path}`), remote(path)));

  it('files a batch placed count once; the ones it could not place go up on their own, and nothing is counted twice', async () => {
    const batches: string[][] = [];
    const h = harness(async (batch) => {
      batches.push(batch.map((step) => step.to.path));
      return batch.map((step) =>
        step.to.path === '/d/2' || step.to.path === '/d/4'
          ? { ok: false, error: new PCloudError('CHECKSUM_MISMATCH', 'sha1 mismatch') }
          : { ok: true, bytes: 3 },
      );
    });
    const summary = await executeCopy(steps, h.operations, h.options);
    expect(batches).toEqual([['/d/1', '/d/2', '/d/3', '/d/4']]);
    expect(h.single).toEqual(['/d/2', '/d/4']);
    expect(summary).toMatchObject({ files: 4, failed: 0, bytes: 12, notCopied: 0 });
  });

  it('a batch that fails as a whole (even by throwing) sends every file on its own', async () => {
    const h = harness(async () => {
      throw new ApiError('uploadfile', 5000);
    });
    const summary = await executeCopy(steps, h.operations, h.options);
    expect([...h.single].sort()).toEqual(['/d/1', '/d/2', '/d/3', '/d/4']);
    expect(summary).toMatchObject({ files: 4, failed: 0, notCopied: 0 });
  });

  it('a file that fails on its own after its batch failed is reported once, as any failed copy', async () => {
    const h = harness(async (batch) => batch.map(() => ({ ok: false, error: new ApiError('uploadfile', 2008) })));
    h.operations.transfer = async (step) => {
      if (step.to.path === '/d/3') throw new ApiError('uploadfile', 2008);
      h.single.push(step.to.path);
      return 3;
    };
    const summary = await executeCopy(steps, h.operations, h.options);
    expect(summary).toMatchObject({ files: 3, failed: 1 });
    expect(h.complaints).toHaveLength(1);
    expect(h.complaints[0]).toMatch(/^cp \/h\/d\/3 p:\/d\/3: /);
  });
});

describe('executeCopy creates folders', () => {
  it('siblings at once, each only after its parent', async () => {
    const events: string[] = [];
    let inFlight = 0;
    let most = 0;
    const operations: CopyOperations = {
      async mkdir(at) {
        events.push(`start ${at.path}`);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        events.push(`done ${at.path}`);
      },
      transfer: async () => 0,
    };
    const progress = createProgress({ write: () => undefined, isTTY: false }, 0);
    const steps = ['/d', '/d/a', '/d/b', '/d/c', '/d/a/x', '/e'].map((path) => ({ op: 'mkdir' as const, at: remote(path) }));
    const summary = await executeCopy(steps, operations, { jobs: undefined, verbose: false, progress, complain: () => undefined });
    expect(summary.folders).toBe(6);
    const at = (event: string): number => events.indexOf(event);
    for (const child of ['/d/a', '/d/b', '/d/c']) expect(at(`start ${child}`)).toBeGreaterThan(at('done /d'));
    expect(at('start /d/a/x')).toBeGreaterThan(at('done /d/a'));
    // /d and /e together, then /d/a, /d/b and /d/c together.
    expect(at('start /e')).toBeLessThan(at('done /d'));
    expect(most).toBeGreaterThanOrEqual(3);
  });
});
