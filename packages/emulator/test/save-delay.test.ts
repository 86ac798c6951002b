import { describe, expect, test } from 'vitest';
import { saveDelayAfter } from '../src/state/persistence.js';

describe('the data dir save delay', () => {
  test('a small state saves 50 ms after a change; a slow save spaces the next ones out tenfold, up to 2 s', () => {
    expect(saveDelayAfter(0)).toBe(50);
    expect(saveDelayAfter(3)).toBe(50);
    expect(saveDelayAfter(20)).toBe(200);
    expect(saveDelayAfter(150)).toBe(1500);
    expect(saveDelayAfter(900)).toBe(2000);
  });
});
