import { describe, expect, it } from 'vitest';
import { resolveTargets, type DestSpec, type SourceSpec } from '../../src/plan/resolve-targets.js';
import type { Entry, Loc } from '../../src/plan/types.js';
import { file, folder, local, plain, recursive, remote, stdio } from './fixtures.js';

const src = (loc: Loc, entry: Entry | undefined, trailingSlash = false): SourceSpec => ({
  arg: loc.side === 'remote' ? `p:${loc.path}` : loc.path,
  loc,
  trailingSlash,
  entry,
});
const dst = (loc: Loc, entry: DestSpec['entry'], extra: Partial<DestSpec> = {}): DestSpec => ({
  arg: loc.side === 'remote' ? `p:${loc.path}` : loc.path,
  loc,
  trailingSlash: false,
  entry,
  missingParents: [],
  ...extra,
});

describe('resolveTargets: where a file goes', () => {
  it('puts a file into an existing folder under its own name', () => {
    const plan = resolveTargets([src(local('/h/a.txt'), file('a.txt'))], dst(remote('/docs'), folder('docs', [])), plain);
    expect(plan.targets).toEqual([{ from: local('/h/a.txt'), entry: file('a.txt'), to: remote('/docs/a.txt'), mayExist: true }]);
    expect(plan.prelude).toEqual([]);
    expect(plan.problems).toEqual([]);
  });

  it('uses a missing DEST as the new name, creating missing parents outermost first', () => {
    const dest = dst(remote('/x/y/new.txt'), undefined, { missingParents: [remote('/x'), remote('/x/y')] });
    const plan = resolveTargets([src(local('/h/a.txt'), file('a.txt'))], dest, plain);
    expect(plan.targets.map((t) => t.to)).toEqual([remote('/x/y/new.txt')]);
    expect(plan.targets[0]?.mayExist).toBe(false);
    expect(plan.prelude).toEqual([
      { op: 'mkdir', at: remote('/x') },
      { op: 'mkdir', at: remote('/x/y') },
    ]);
  });

  it('replaces an existing file at DEST', () => {
    const plan = resolveTargets([src(remote('/a.txt'), file('a.txt'))], dst(local('/h/b.txt'), file('b.txt')), plain);
    expect(plan.targets.map((t) => t.to)).toEqual([local('/h/b.txt')]);
    expect(plan.targets[0]?.mayExist).toBe(true);
  });

  it('treats a DEST ending in / as a folder to create', () => {
    const dest = dst(remote('/new'), undefined, { trailingSlash: true, missingParents: [] });
    const plan = resolveTargets([src(local('/h/a.txt'), file('a.txt'))], dest, plain);
    expect(plan.prelude).toEqual([{ op: 'mkdir', at: remote('/new') }]);
    expect(plan.targets.map((t) => t.to)).toEqual([remote('/new/a.txt')]);
  });

  it('refuses a DEST ending in / that is a file', () => {
    const plan = resolveTargets([src(local('/h/a.txt'), file('a.txt'))], dst(remote('/f'), file('f'), { trailingSlash: true }), plain);
    expect(plan.targets).toEqual([]);
    expect(plan.problems[0]?.message).toMatch(/p:\/f is a file, not a folder/);
  });

  it('reports a missing source and keeps the others', () => {
    const plan = resolveTargets(
      [src(local('/h/gone'), undefined), src(local('/h/a'), file('a'))],
      dst(remote('/d'), folder('d', [])),
      plain,
    );
    expect(plan.problems.map((p) => p.message)).toEqual(['/h/gone: no such file or folder']);
    expect(plan.targets.map((t) => t.to)).toEqual([remote('/d/a')]);
  });

  it('creates nothing when every source failed', () => {
    const dest = dst(remote('/x/new'), undefined, { missingParents: [remote('/x')] });
    const plan = resolveTargets([src(local('/h/gone'), undefined)], dest, plain);
    expect(plan.prelude).toEqual([]);
    expect(plan.problems).toHaveLength(1);
  });

  it('reports a source that is a problem entry (unreadable, special file)', () => {
    const entry: Entry = { kind: 'problem', name: 'fifo', message: 'not a regular file or folder; skipped', severity: 'warning' };
    const plan = resolveTargets([src(local('/h/fifo'), entry)], dst(remote('/d'), folder('d', [])), plain);
    expect(plan.problems[0]?.message).toBe('/h/fifo: not a regular file or folder; skipped');
  });
});

describe('resolveTargets: folders', () => {
  it('needs -r for a folder', () => {
    const plan = resolveTargets([src(remote('/a'), folder('a', []))], dst(local('/h'), folder('h')), plain);
    expect(plan.targets).toEqual([]);
    expect(plan.problems[0]?.message).toBe('p:/a is a folder; use -r to copy it');
  });

  it('copies the folder itself into an existing folder (cp -r p:/a dir makes dir/a)', () => {
    const plan = resolveTargets([src(remote('/a'), folder('a', []))], dst(local('/h/dir'), folder('dir')), recursive);
    expect(plan.targets.map((t) => t.to)).toEqual([local('/h/dir/a')]);
  });

  it('copies only the contents when the source ends in / (cp -r p:/a/ dir fills dir)', () => {
    const plan = resolveTargets([src(remote('/a'), folder('a', []), true)], dst(local('/h/dir'), folder('dir')), recursive);
    expect(plan.targets.map((t) => t.to)).toEqual([local('/h/dir')]);
    expect(plan.targets[0]?.mayExist).toBe(true);
  });

  it('accepts p:/ as a source: its contents go into DEST', () => {
    const plan = resolveTargets([src(remote('/'), folder('', []), true)], dst(local('/h/all'), undefined), recursive);
    expect(plan.targets.map((t) => t.to)).toEqual([local('/h/all')]);
    expect(plan.prelude).toEqual([]);
  });

  it('puts a folder into a missing DEST under its own name, creating DEST (cp -r a p:/b/c makes p:/b/c/a)', () => {
    const dest = dst(remote('/b/c'), undefined, { missingParents: [remote('/b')] });
    const plan = resolveTargets([src(local('/h/a'), folder('a', []))], dest, recursive);
    expect(plan.targets.map((t) => t.to)).toEqual([remote('/b/c/a')]);
    expect(plan.targets[0]?.mayExist).toBe(false);
    expect(plan.prelude).toEqual([
      { op: 'mkdir', at: remote('/b') },
      { op: 'mkdir', at: remote('/b/c') },
    ]);
  });

  it('fills a missing DEST with the contents of SOURCE/, which creates DEST itself', () => {
    const dest = dst(local('/h/new'), undefined, { missingParents: [] });
    const plan = resolveTargets([src(remote('/a'), folder('a', []), true)], dest, recursive);
    expect(plan.targets.map((t) => t.to)).toEqual([local('/h/new')]);
    expect(plan.prelude).toEqual([]);
  });

  it('names the copy after the SOURCE the user typed, not the name pCloud lists', () => {
    const plan = resolveTargets([src(remote('/a'), folder('../evil', []))], dst(local('/h/dir'), folder('dir')), recursive);
    expect(plan.targets.map((t) => t.to)).toEqual([local('/h/dir/a')]);
  });

  it('keeps the file rule for a file copied with -r: a missing DEST is its new name', () => {
    const plan = resolveTargets([src(local('/h/a.txt'), file('a.txt'))], dst(remote('/new'), undefined), recursive);
    expect(plan.targets.map((t) => t.to)).toEqual([remote('/new')]);
    expect(plan.prelude).toEqual([]);
  });

  it('refuses a recursive copy onto an existing file', () => {
    const plan = resolveTargets([src(local('/h/a'), folder('a', []))], dst(remote('/f'), file('f')), recursive);
    expect(plan.targets).toEqual([]);
    expect(plan.problems[0]?.message).toBe('cannot copy the folder /h/a onto the file p:/f');
  });

  it('refuses to copy a remote folder into itself', () => {
    const plan = resolveTargets([src(remote('/a'), folder('a', []))], dst(remote('/a/b'), folder('b', [])), recursive);
    expect(plan.problems[0]?.message).toBe('cannot copy the folder p:/a into itself');
  });

  it('refuses a server-side copy of a file onto itself', () => {
    const plan = resolveTargets([src(remote('/a/x'), file('x'))], dst(remote('/a'), folder('a', [])), plain);
    expect(plan.problems[0]?.message).toBe('p:/a/x and p:/a/x are the same file');
  });
});

describe('resolveTargets: several sources', () => {
  it('puts several sources into an existing folder', () => {
    const plan = resolveTargets(
      [src(local('/h/a'), file('a')), src(local('/h/b'), folder('b', []))],
      dst(remote('/d'), folder('d', [])),
      recursive,
    );
    expect(plan.targets.map((t) => t.to)).toEqual([remote('/d/a'), remote('/d/b')]);
  });

  it('creates a missing DEST folder for several sources', () => {
    const dest = dst(remote('/p/d'), undefined, { missingParents: [remote('/p')] });
    const plan = resolveTargets([src(local('/h/a'), file('a')), src(local('/h/b'), file('b'))], dest, plain);
    expect(plan.prelude).toEqual([
      { op: 'mkdir', at: remote('/p') },
      { op: 'mkdir', at: remote('/p/d') },
    ]);
    expect(plan.targets.every((t) => !t.mayExist)).toBe(true);
  });

  it('refuses several sources onto a file', () => {
    const plan = resolveTargets([src(local('/h/a'), file('a')), src(local('/h/b'), file('b'))], dst(remote('/f'), file('f')), plain);
    expect(plan.targets).toEqual([]);
    expect(plan.problems[0]?.message).toMatch(/several sources need a folder/);
  });

  it('refuses two sources with the same name landing on the same place', () => {
    const plan = resolveTargets([src(local('/h/x'), file('x')), src(local('/k/x'), file('x'))], dst(remote('/d'), folder('d', [])), plain);
    expect(plan.targets).toHaveLength(1);
    expect(plan.problems[0]?.message).toBe('/k/x would overwrite p:/d/x, just copied from /h/x');
  });
});

describe('resolveTargets: sides and standard streams', () => {
  it('refuses local to local as a usage error', () => {
    expect(() => resolveTargets([src(local('/a'), file('a'))], dst(local('/b'), undefined), plain)).toThrow(/both local/);
    expect(() => resolveTargets([src(stdio, file(''))], dst(local('/b'), undefined), plain)).toThrow(/both local/);
  });

  it('allows remote to remote (server-side copy)', () => {
    const plan = resolveTargets([src(remote('/a'), file('a'))], dst(remote('/b'), undefined), plain);
    expect(plan.targets.map((t) => [t.from, t.to])).toEqual([[remote('/a'), remote('/b')]]);
  });

  it('sends remote files to standard output, never a folder', () => {
    const plan = resolveTargets([src(remote('/a'), file('a')), src(remote('/d'), folder('d', []))], dst(stdio, undefined), recursive);
    expect(plan.targets.map((t) => t.to)).toEqual([stdio]);
    expect(plan.problems[0]?.message).toMatch(/only files can be written to standard output/);
    expect(plan.prelude).toEqual([]);
  });

  it('needs a file name for standard input', () => {
    const plan = resolveTargets([src(stdio, file('', undefined))], dst(remote('/d'), folder('d', [])), plain);
    expect(plan.problems[0]?.message).toBe('standard input needs a file name, but p:/d is a folder');
    const named = resolveTargets([src(stdio, file('', undefined))], dst(remote('/d/x'), undefined), plain);
    expect(named.targets.map((t) => t.to)).toEqual([remote('/d/x')]);
  });
});

describe('resolveTargets: names pCloud refuses', () => {
  it('reports a source name with a backslash instead of mangling it', () => {
    const plan = resolveTargets([src(local('/h/a\\b'), file('a\\b'))], dst(remote('/d'), folder('d', [])), plain);
    expect(plan.targets).toEqual([]);
    expect(plan.problems[0]?.message).toMatch(/^p:\/d\/a\\b: pCloud refuses a backslash in the name "a\\b"/);
  });

  it('reports a new DEST name over 1023 bytes', () => {
    const long = 'é'.repeat(512);
    const plan = resolveTargets([src(local('/h/a'), file('a'))], dst(remote(`/${long}`), undefined), plain);
    expect(plan.problems[0]?.message).toMatch(/pCloud refuses a name of 1024 bytes \(pCloud allows at most 1023 UTF-8 bytes\)/);
  });

  it('reports a missing parent folder with a refused name and creates nothing', () => {
    const dest = dst(remote('/a\\b/c'), undefined, { missingParents: [remote('/a\\b')] });
    const plan = resolveTargets([src(local('/h/a'), file('a'))], dest, plain);
    expect(plan.prelude).toEqual([]);
    expect(plan.targets).toEqual([]);
    expect(plan.problems[0]?.message).toMatch(/backslash/);
  });

  it('reports a DEST whose parent is a file', () => {
    const plan = resolveTargets([src(local('/h/a'), file('a'))], dst(remote('/f/x'), undefined, { blockedBy: remote('/f') }), plain);
    expect(plan.targets).toEqual([]);
    expect(plan.problems[0]?.message).toBe('p:/f is a file, not a folder');
  });
});
