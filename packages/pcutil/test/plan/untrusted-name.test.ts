import { describe, expect, it } from 'vitest';
import { placeListedChild, untrustedNameProblem } from '../../src/plan/untrusted-name.js';
import { local, remote } from './fixtures.js';

describe('untrustedNameProblem', () => {
  it.each([
    ['', 'an empty name'],
    ['.', 'the name "."'],
    ['..', 'the name ".."'],
    ['../x', 'a slash in the name'],
    ['a/b', 'a slash in the name'],
    ['a\\b', 'a backslash in the name'],
    ['a\u0000b', 'a NUL character in the name'],
  ])('refuses %j: %s', (name, reason) => {
    expect(untrustedNameProblem(name)).toBe(reason);
  });

  it.each(['a.txt', '...', '..x', '.hidden', 'ünï 東京', '\u001b[31mred'])('accepts %j', (name) => {
    expect(untrustedNameProblem(name)).toBeUndefined();
  });
});

describe('placeListedChild', () => {
  it('joins a plain name under the destination', () => {
    expect(placeListedChild(remote('/a'), local('/h/d/a'), 'f.txt', local('/h/d/a'))).toEqual({ to: local('/h/d/a/f.txt') });
    expect(placeListedChild(remote('/a'), remote('/d/a'), 'f.txt', remote('/d/a'))).toEqual({ to: remote('/d/a/f.txt') });
  });

  it('refuses a local path that resolves outside the destination, even from a plain-looking parent', () => {
    // A parent that itself climbs (it never should) is still caught by resolving the result.
    expect(placeListedChild(remote('/a'), local('/h/d/a/../..'), 'f', local('/h/d/a'))).toEqual({
      message: 'p:/a/f: not copied: pCloud sent an unsafe name (it would land outside /h/d/a)',
    });
  });

  it('names the item escaped, so the message cannot drive the terminal', () => {
    expect(placeListedChild(remote('/a'), local('/h/a'), 'x/\u001b[2J', local('/h/a'))).toEqual({
      message: 'p:/a/x/\\x1b[2J: not copied: pCloud sent an unsafe name (a slash in the name)',
    });
  });
});
