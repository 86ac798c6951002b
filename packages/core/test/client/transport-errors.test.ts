import { describe, expect, it } from 'vitest';
import { ApiError, PCloudError, TransportError } from '../../src/errors.js';
import { encodeParams } from '../../src/client/http-transport.js';
import { httpStatusError, isTransientError, toTransportError } from '../../src/client/transport-errors.js';
import { methodRetryKind } from '../../src/client/method-table.js';

describe('isTransientError', () => {
  it('retries results 4000–5999 and nothing else from the API', () => {
    expect(isTransientError(new ApiError('stat', 5000))).toBe(true);
    expect(isTransientError(new ApiError('stat', 4000))).toBe(true);
    expect(isTransientError(new ApiError('stat', 2009))).toBe(false);
    expect(isTransientError(new ApiError('stat', 2094))).toBe(false);
  });

  it('retries HTTP 429/5xx, timeouts and dropped connections, not other failures', () => {
    expect(isTransientError(httpStatusError('stat', 503))).toBe(true);
    expect(isTransientError(httpStatusError('stat', 429))).toBe(true);
    expect(isTransientError(httpStatusError('stat', 404))).toBe(false);
    expect(isTransientError(toTransportError('stat', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })))).toBe(true);
    expect(isTransientError(new TransportError('slow', { timeout: true }))).toBe(true);
    expect(isTransientError(toTransportError('stat', Object.assign(new Error('bad cert'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })))).toBe(
      false,
    );
    expect(isTransientError(new PCloudError('ABORTED', 'x'))).toBe(false);
  });

  it('keeps only a redacted message and the code of a wire error', () => {
    const error = toTransportError(
      'stat',
      Object.assign(new Error('failed with access_token=abcdefgh123'), { code: 'ECONNRESET', options: { headers: {} } }),
    );
    expect(error.message).toBe('stat: connection failed: failed with access_token=[REDACTED]');
    expect(error.cause).toMatchObject({ code: 'ECONNRESET' });
    expect(Object.keys(error.cause as object)).not.toContain('options');
  });
});

describe('encodeParams', () => {
  it('sends flags as 1/0, numbers and bigints as decimals, and drops undefined', () => {
    expect(encodeParams({ recursive: true, nofiles: false, folderid: 0, ifhash: 18446744073709551615n, path: undefined })).toEqual([
      ['recursive', '1'],
      ['nofiles', '0'],
      ['folderid', '0'],
      ['ifhash', '18446744073709551615'],
    ]);
  });
});

describe('methodRetryKind', () => {
  it('classifies reads as safe, uploads as body, the rest and unknown methods as never', () => {
    expect(methodRetryKind('listfolder')).toBe('safe');
    expect(methodRetryKind('uploadfile')).toBe('body');
    expect(methodRetryKind('deletefile')).toBe('never');
    expect(methodRetryKind('no_such_method')).toBe('never');
  });
});
