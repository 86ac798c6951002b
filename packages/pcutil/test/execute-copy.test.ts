import { describe, expect, it } from 'vitest';
import { ApiError, createReachability, TransportError } from '@pcloud/core';
import { executeCopy, type CopyOperations } from '../src/copy/execute-copy.js';
import { FOLDER_LANES } from '../src/copy/make-folders.js';
import { createProgress } from '../src/report/progress.js';
import type { CopyPlanStep, CopyStep, Loc } from '../src/plan/types.js';
import { file, local, remote } from './plan/fixtures.js';

const copy = (from: Loc, to: Loc, size = 3): CopyStep => ({ op: 'copy', from, to, source: file('x', size), existing: undefined });

function harness(failOn: (path: string) => boolean = () => false) {
  const done: string[] = [];
  const complaints: string[] = [];
  const lines: string[] = [];
  const operations: CopyOperations = {
    async mkdir(at) {
      if (failOn(at.path)) throw new Error('createfolder: Access denied. (2003)');
      done.push(`mkdir ${at.path}`);
    },
    async transfer(step, onBytes) {
      await new Promise((resolve) => setImmediate(resolve));
      if (failOn(step.to.path)) throw new Error('checksum mismatch');
      onBytes(step.source.size ?? 0);
      done.push(`cp ${step.to.path}`);
      return step.source.size ?? 0;
    },
  };
  const progress = createProgress({ write: (text) => void lines.push(text), isTTY: false }, 0);
  return {
    done,
    complaints,
    lines,
    operations,
    options: { jobs: 4, verbose: true, progress, complain: (l: string) => void complaints.push(l) },
  };
}

describe('executeCopy', () => {
  it('tries a file that failed on a transient error once more at the end, and only then reports it', async () => {
    const attempts = new Map<string, number>();
    const h = harness();
    h.operations.transfer = async (step, onBytes) => {
      const n = (attempts.get(step.to.path) ?? 0) + 1;
      attempts.set(step.to.path, n);
      if (step.to.path === '/d/flaky' && n === 1) throw new ApiError('uploadfile', 5000);
      if (step.to.path === '/d/down') throw new ApiError('uploadfile', 5000);
      if (step.to.path === '/d/missing') throw new ApiError('uploadfile', 2005);
      onBytes(1);
      return 1;
    };
    const steps = ['/d/flaky', '/d/down', '/d/missing', '/d/ok'].map((path) => copy(local(`/h${path}`), remote(path)));
    const summary = await executeCopy(steps, h.operations, h.options);
    expect(summary).toMatchObject({ files: 2, failed: 2 });
    expect(Object.fromEntries(attempts)).toEqual({ '/d/flaky': 2, '/d/down': 2, '/d/missing': 1, '/d/ok': 1 });
    expect(h.complaints).toHaveLength(2);
    expect(h.complaints.join('\n')).toMatch(/p:\/d\/down: .*5000/);
    expect(h.lines).toContain('trying 2 file(s) again after transient errors\n');
  });

  it('creates each folder before the files in it, copies every file, and sums up', async () => {
    const h = harness();
    const steps: CopyPlanStep[] = [
      { op: 'mkdir', at: remote('/d') },
      copy(local('/h/a'), remote('/d/a'), 5),
      { op: 'mkdir', at: remote('/d/s') },
      copy(local('/h/s/b'), remote('/d/s/b'), 7),
      { op: 'skip', from: local('/h/c'), to: remote('/d/c'), reason: 'same' },
    ];
    const summary = await executeCopy(steps, h.operations, h.options);
    const at = (event: string): number => h.done.indexOf(event);
    expect(at('mkdir /d')).toBeLessThan(at('cp /d/a'));
    expect(at('mkdir /d')).toBeLessThan(at('mkdir /d/s'));
    expect(at('mkdir /d/s')).toBeLessThan(at('cp /d/s/b'));
    expect([...h.done].sort()).toEqual(['cp /d/a', 'cp /d/s/b', 'mkdir /d', 'mkdir /d/s']);
    expect(summary).toMatchObject({ files: 2, folders: 2, skipped: 1, failed: 0, bytes: 12 });
    expect(h.lines).toContain('cp /h/a p:/d/a\n');
    expect(h.lines).toContain('skip p:/d/c: same size and checksum (-u)\n');
  });

  it('reports a failed file and continues with the rest', async () => {
    const h = harness((path) => path === '/d/bad');
    const summary = await executeCopy(
      [copy(local('/h/bad'), remote('/d/bad')), copy(local('/h/ok'), remote('/d/ok'))],
      h.operations,
      h.options,
    );
    expect(summary).toMatchObject({ files: 1, failed: 1 });
    expect(h.complaints).toEqual(['cp /h/bad p:/d/bad: checksum mismatch']);
  });

  it('copies files into a folder once it is there, while other folders are still being created', async () => {
    const h = harness();
    let copied: () => void = () => undefined;
    const firstCopied = new Promise<void>((resolve) => (copied = resolve));
    const mkdir = h.operations.mkdir;
    h.operations.mkdir = async (at) => {
      // /e is held back until a file of /d is copied (or a while passes, so a failure cannot hang).
      if (at.path === '/e') await Promise.race([firstCopied, new Promise((resolve) => setTimeout(resolve, 500))]);
      await mkdir(at);
    };
    const transfer = h.operations.transfer;
    h.operations.transfer = async (step, onBytes, signal) => {
      const bytes = await transfer(step, onBytes, signal);
      copied();
      return bytes;
    };
    const steps: CopyPlanStep[] = [
      { op: 'mkdir', at: remote('/d') },
      { op: 'mkdir', at: remote('/e') },
      copy(local('/h/d/a'), remote('/d/a')),
      copy(local('/h/e/b'), remote('/e/b')),
    ];
    const summary = await executeCopy(steps, h.operations, h.options);
    expect(h.done).toEqual(['mkdir /d', 'cp /d/a', 'mkdir /e', 'cp /e/b']);
    expect(summary).toMatchObject({ files: 2, folders: 2, failed: 0 });
  });

  it('aborted while files wait for their folders: finishes without copying them', async () => {
    const h = harness();
    const controller = new AbortController();
    const mkdir = h.operations.mkdir;
    h.operations.mkdir = async (at) => {
      await mkdir(at);
      if (at.path === '/d') controller.abort();
    };
    // More folders than are created at once: the last one is never started.
    const folders = Array.from({ length: FOLDER_LANES }, (_, i) => ({ op: 'mkdir' as const, at: remote(`/d/s${i}`) }));
    const last = `/d/s${FOLDER_LANES - 1}`;
    const steps: CopyPlanStep[] = [
      { op: 'mkdir', at: remote('/d') },
      ...folders,
      copy(local('/h/s/a'), remote(`${last}/a`)),
      copy(local('/h/s/b'), remote(`${last}/b`)),
    ];
    const summary = await executeCopy(steps, h.operations, { ...h.options, signal: controller.signal });
    expect(h.done).toEqual(['mkdir /d']);
    expect(summary).toMatchObject({ files: 0, folders: 1, failed: 0 });
    expect(h.complaints).toEqual([]);
  });

  it('does not try files under a folder that could not be created', async () => {
    const h = harness((path) => path === '/d');
    const steps: CopyPlanStep[] = [
      { op: 'mkdir', at: remote('/d') },
      { op: 'mkdir', at: remote('/d/s') },
      copy(local('/h/a'), remote('/d/s/a')),
      copy(local('/h/b'), remote('/e')),
    ];
    const summary = await executeCopy(steps, h.operations, h.options);
    expect(h.done).toEqual(['cp /e']);
    expect(h.complaints).toEqual([
      'mkfolder p:/d: createfolder: Access denied. (2003)',
      'cp /h/a p:/d/s/a: not copied, p:/d could not be created',
    ]);
    expect(summary.failed).toBe(2);
  });

  it('reports plan problems: errors count as failures, warnings do not', async () => {
    const h = harness();
    const steps: CopyPlanStep[] = [
      { op: 'problem', at: local('/h/p'), message: '/h/p: not a regular file or folder; skipped', severity: 'warning' },
      { op: 'problem', at: local('/h/q'), message: '/h/q: no such file or folder', severity: 'error' },
    ];
    const summary = await executeCopy(steps, h.operations, h.options);
    expect(h.complaints).toEqual(['warning: /h/p: not a regular file or folder; skipped', '/h/q: no such file or folder']);
    expect(summary).toMatchObject({ failed: 1, warnings: 1, errors: ['/h/q: no such file or folder'] });
  });

  it('once pCloud is judged gone: starts nothing new, tries nothing again, counts the rest as not copied, reports no file of it', async () => {
    const reachability = createReachability({ windowMs: 0 });
    reachability.reached();
    const refused = (): TransportError =>
      new TransportError('uploadfile: connection failed: connect ECONNREFUSED 127.0.0.1:9', {
        cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9 }),
      });
    const h = harness();
    const started: string[] = [];
    h.operations.transfer = async (step, onBytes) => {
      started.push(step.to.path);
      await new Promise((resolve) => setImmediate(resolve));
      // The first file fails on a transient error before the outage; the fourth meets it.
      if (step.to.path === '/d/1') throw new ApiError('uploadfile', 5000);
      if (step.to.path === '/d/4') {
        reachability.failed(refused());
        throw refused();
      }
      onBytes(1);
      return 1;
    };
    const steps = Array.from({ length: 10 }, (_, i) => copy(local(`/h/${i + 1}`), remote(`/d/${i + 1}`)));
    const summary = await executeCopy(steps, h.operations, { ...h.options, jobs: 2, reachability });
    expect(reachability.state.kind).toBe('unreachable');
    // The transient failure of /d/1 halves the lanes: /d/3 and /d/4 start one after the other.
    expect(started).toEqual(['/d/1', '/d/2', '/d/3', '/d/4']);
    expect(summary).toMatchObject({ files: 2, failed: 0, notCopied: 8, unreachable: { reason: 'connection refused by 127.0.0.1:9' } });
    expect(summary.unreachable?.since).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(h.complaints).toEqual([]);
    expect(h.lines.join('')).not.toContain('trying');
  });

  it('once pCloud is judged gone, creates no more folders and copies nothing', async () => {
    const reachability = createReachability({ windowMs: 0 });
    reachability.reached();
    const h = harness();
    h.operations.mkdir = async (at) => {
      h.done.push(`mkdir ${at.path}`);
      const error = new TransportError('createfolderifnotexists: no answer', {
        cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
      });
      reachability.failed(error);
      throw error;
    };
    const steps: CopyPlanStep[] = [
      { op: 'mkdir', at: remote('/d') },
      { op: 'mkdir', at: remote('/e') },
      copy(local('/h/a'), remote('/d/a')),
      copy(local('/h/b'), remote('/e/b')),
    ];
    const summary = await executeCopy(steps, h.operations, { ...h.options, reachability });
    expect(h.done).toEqual(['mkdir /d']);
    expect(summary).toMatchObject({ files: 0, folders: 0, failed: 0, notCopied: 2 });
    expect(h.complaints).toEqual([]);
  });

  it('copies to standard output one file at a time, in plan order', async () => {
    const h = harness();
    const stdio: Loc = { side: 'stdio', path: '-' };
    await executeCopy([copy(remote('/a'), stdio), copy(remote('/b'), stdio), copy(remote('/c'), stdio)], h.operations, h.options);
    expect(h.done).toEqual(['cp -', 'cp -', 'cp -']);
    expect(h.lines).toEqual(['cp p:/a -\n', 'cp p:/b -\n', 'cp p:/c -\n']);
  });
});
