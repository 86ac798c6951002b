import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parsePastedCode, readRedirectParams } from '../../src/auth/redirect-result.js';
import { readPastedCode } from '../../src/auth/paste-code.js';

describe('redirect parameters', () => {
  it('reads code, state, locationid and hostname', () => {
    expect(readRedirectParams(new URLSearchParams('code=C0DE&state=s&locationid=1&hostname=api.pcloud.com'))).toEqual({
      code: 'C0DE',
      state: 's',
      locationid: 1,
      hostname: 'api.pcloud.com',
    });
  });

  it('reports a denial and a missing code without echoing anything secret', () => {
    expect(() => readRedirectParams(new URLSearchParams('error=access_denied'))).toThrow('Authorization was not granted (access_denied).');
    expect(() => readRedirectParams(new URLSearchParams('state=x'))).toThrow(/carried no code/);
  });
});

describe('pasted codes', () => {
  it('accepts a bare code, a query, or the address the browser ended on', () => {
    expect(parsePastedCode('  AbC123xyz \n')).toEqual({ code: 'AbC123xyz' });
    expect(parsePastedCode('code=K1&locationid=2')).toEqual({ code: 'K1', locationid: 2 });
    expect(parsePastedCode('http://127.0.0.1:3000/?code=K2&state=s&hostname=eapi.pcloud.com#x')).toEqual({
      code: 'K2',
      state: 's',
      hostname: 'eapi.pcloud.com',
    });
  });

  it('refuses an empty line and spaces inside a code', () => {
    expect(() => parsePastedCode('   ')).toThrow(/No code/);
    expect(() => parsePastedCode('two words')).toThrow(/spaces/);
  });

  it('reads the first non-empty line of a stream', async () => {
    await expect(readPastedCode(Readable.from(['\n', '  \n', 'TheCode42\n', 'ignored\n']))).resolves.toEqual({ code: 'TheCode42' });
  });

  it('fails when the input ends without a code, unless told to keep waiting', async () => {
    await expect(readPastedCode(Readable.from(['\n']))).rejects.toThrow(/input ended/);
    const controller = new AbortController();
    const waiting = readPastedCode(Readable.from(['\n']), controller.signal, true);
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
