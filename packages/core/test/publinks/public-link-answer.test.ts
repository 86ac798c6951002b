import { describe, expect, test } from 'vitest';
import { checkedCodes, checkedLinkUrl } from '../../src/publinks/public-link-answer.js';

describe('a public link answer is checked before anyone sees it', () => {
  test.each(['https://u.pcloud.link/publink/show?code=XZabc', 'http://127.0.0.1:8080/publink/show?code=abc'])('accepts %s', (url) => {
    expect(checkedLinkUrl(url, 'getfilepublink')).toBe(url);
  });

  test.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://example.test/\u001b[2Jgone',
    'https://example.test/a b',
    'not a url',
    '',
    42,
    undefined,
  ])('refuses %j with a PROTOCOL_ERROR that shows no control character', (value) => {
    let error: unknown;
    try {
      checkedLinkUrl(value, 'getfilepublink');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'PROTOCOL_ERROR' });
    expect((error as Error).message).toMatch(/^getfilepublink: the answer's link is not valid: /);
    expect((error as Error).message).not.toMatch(/[\u0000-\u001f]/);
  });

  test('codes: a numeric linkid and an alphanumeric code; the short pair is dropped', () => {
    const answer = { linkid: 7, link: 'https://h.test/publink/show?code=abc', code: 'abc', shortcode: 's', shortlink: 'https://pc.cd/s' };
    expect(checkedCodes(answer, 'getfilepublink')).toEqual({ linkid: 7, link: answer.link, code: 'abc' });
    expect(() => checkedCodes({ ...answer, linkid: '7' as unknown as number }, 'getfilepublink')).toThrow(/linkid is not valid/);
    expect(() => checkedCodes({ ...answer, code: 'a/../b' }, 'getfilepublink')).toThrow(/code is not valid/);
  });
});
