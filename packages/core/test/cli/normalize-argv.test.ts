import { describe, expect, it } from 'vitest';
import { normalizeArgv } from '../../src/cli/normalize-argv.js';

describe('normalizeArgv', () => {
  it.each([
    [
      ['-r', 'cp', '-r', 'a', 'b'],
      ['--reauth', 'cp', '-r', 'a', 'b'],
    ],
    [
      ['-rv', 'cp', 'a'],
      ['--reauth', '--verbose', 'cp', 'a'],
    ],
    [
      ['-vt5', 'rm', 'x'],
      ['--verbose', '--timeout=5', 'rm', 'x'],
    ],
    [
      ['-t', '5', 'rm'],
      ['--timeout', '5', 'rm'],
    ],
    [
      ['-e', 'us', '-f', 'c.json', 'cp'],
      ['--endpoint', 'us', '--config-file', 'c.json', 'cp'],
    ],
    [
      ['--endpoint', 'cp', 'rm', '-r'],
      ['--endpoint', 'cp', 'rm', '-r'],
    ],
    [
      ['-rx', 'cp'],
      ['--reauth', '-x', 'cp'],
    ],
    [['-h'], ['-h']],
  ])('spells out common short flags before the command: %j', (argv, expected) => {
    expect(normalizeArgv(argv, true).args).toEqual(expected);
  });

  it('keeps a declared --no-… option from being read as a negation', () => {
    expect(normalizeArgv(['cp', '--no-clobber', '--no-verbose', 'a'], true, new Set(['no-clobber'])).args).toEqual([
      'cp',
      '--no-clobber=true',
      '--no-verbose',
      'a',
    ]);
  });

  it('leaves a single-command tool alone', () => {
    expect(normalizeArgv(['-r', '-v', 'a'], false).args).toEqual(['-r', '-v', 'a']);
  });

  it('hides arguments after -- behind placeholders and restores them', () => {
    const { args, restore } = normalizeArgv(['cp', '--', '-a', 'b', '--c'], true);
    expect(args).toHaveLength(4);
    expect(args.slice(0, 1)).toEqual(['cp']);
    expect(args.every((arg) => !arg.startsWith('-'))).toBe(true);
    expect(args.map(restore)).toEqual(['cp', '-a', 'b', '--c']);
    expect(restore('plain')).toBe('plain');
  });

  it('hides a lone - (standard input/output) so yargs keeps it as a positional', () => {
    const { args, restore } = normalizeArgv(['cp', '-r', '-', 'p:/x'], true);
    expect(args[2]).not.toBe('-');
    expect(args.map(restore)).toEqual(['cp', '-r', '-', 'p:/x']);
  });

  it('hides a value that starts with a dash and a space, which no option name can', () => {
    const { args, restore } = normalizeArgv(['cp', '--filter', '- *.bak', '--filter', '+ *.jpg', '-r', 'a', 'b'], true);
    expect(args[2]?.startsWith('-')).toBe(false);
    expect(args[5]).toBe('-r');
    expect(args.map(restore)).toEqual(['cp', '--filter', '- *.bak', '--filter', '+ *.jpg', '-r', 'a', 'b']);
  });
});
