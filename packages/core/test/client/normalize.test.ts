import { describe, expect, it } from 'vitest';
import { normalizeAnswer } from '../../src/client/normalize.js';
import { parseJson } from '../../src/json.js';

describe('normalizeAnswer', () => {
  it('makes every hash a bigint, small or large, at any depth', () => {
    const answer = parseJson(
      '{"result":0,"metadata":{"hash":12,"contents":[{"hash":18446744073709551615,"size":3},{"hash":9007199254740993}]}}',
    );
    expect(normalizeAnswer(answer)).toEqual({
      result: 0,
      metadata: { hash: 12n, contents: [{ hash: 18446744073709551615n, size: 3 }, { hash: 9007199254740993n }] },
    });
  });

  it('turns small bigints from a binary decoder into numbers and keeps big ones', () => {
    expect(normalizeAnswer({ fileid: 7n, size: 2n ** 60n, name: 'a' })).toEqual({ fileid: 7, size: 2n ** 60n, name: 'a' });
  });
});
