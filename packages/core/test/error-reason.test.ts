import { describe, expect, it } from 'vitest';
import { reasonOfCode, reasonOfResult } from '../src/error-reason.js';
import { ApiError, PCloudError, TransportError } from '../src/errors.js';

describe('reasonOfResult', () => {
  it.each([
    [2009, 'not-found'],
    [2005, 'not-found'],
    [2002, 'not-found'],
    [2055, 'not-found'],
    [2065, 'not-found'],
    [7004, 'not-found'],
    [2004, 'already-exists'],
    [2073, 'already-exists'],
    [1000, 'auth'],
    [2000, 'auth'],
    [2094, 'auth'],
    [2003, 'access-denied'],
    [2008, 'quota'],
    [7005, 'quota'],
    [4000, 'throttled'],
    [4006, 'throttled'],
    [5000, 'server-error'],
    [5002, 'server-error'],
    [1002, 'invalid-request'],
    [2001, 'invalid-request'],
    [2006, 'other'],
    [6000, 'other'],
    [123456, 'other'],
  ] as const)('%i is %s', (result, reason) => {
    expect(reasonOfResult(result)).toBe(reason);
    expect(new ApiError('m', result).reason).toBe(reason);
  });
});

describe('reasonOfCode', () => {
  it.each([
    ['AUTH_ERROR', 'auth'],
    ['TRANSPORT_ERROR', 'transport'],
    ['PROTOCOL_ERROR', 'transport'],
    ['TIMEOUT', 'timeout'],
    ['ABORTED', 'aborted'],
    ['NOT_FOUND', 'not-found'],
    ['CHECKSUM_MISMATCH', 'corrupt'],
    ['CONFIG_ERROR', 'config'],
    ['LOCAL_IO_ERROR', 'local-io'],
    ['USAGE_ERROR', 'invalid-request'],
    ['INVALID_NAME', 'invalid-request'],
    ['API_ERROR', 'other'],
  ] as const)('%s is %s', (code, reason) => {
    expect(reasonOfCode(code)).toBe(reason);
    expect(new PCloudError(code, 'x').reason).toBe(reason);
  });
});

describe('reason on the error classes', () => {
  it('a transport failure is transport, a timeout timeout, an HTTP 429 throttled', () => {
    expect(new TransportError('x').reason).toBe('transport');
    expect(new TransportError('x', { timeout: true }).reason).toBe('timeout');
    expect(new TransportError('x', { status: 429 }).reason).toBe('throttled');
    expect(new TransportError('x', { status: 502 }).reason).toBe('transport');
  });

  it('an explicit reason wins over the one the code or result implies', () => {
    expect(new ApiError('collection_list', 1000, { reason: 'oauth-refused' }).reason).toBe('oauth-refused');
    expect(new PCloudError('AUTH_ERROR', 'x', { reason: 'oauth-refused' }).reason).toBe('oauth-refused');
  });
});
