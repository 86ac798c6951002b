import { describe, expect, it } from 'vitest';
import { ApiError, PCloudError, TransportError } from '../src/errors.js';
import { redact, registerSecret } from '../src/redact.js';

describe('errors', () => {
  it('carries pCloud result, method and the documented message', () => {
    const error = new ApiError('stat', 2009);
    expect(error.code).toBe('API_ERROR');
    expect(error.result).toBe(2009);
    expect(error.message).toBe('stat: File not found. (2009)');
    expect(error.isRetryable).toBe(false);
  });

  it('recognises auth failures and retryable codes', () => {
    expect(new ApiError('userinfo', 2094).code).toBe('AUTH_ERROR');
    expect(new ApiError('listfolder', 5000).isRetryable).toBe(true);
  });

  it('redacts secrets in the constructor, whatever the path', () => {
    const token = 'tok_SECRET_abcdef123456';
    const error = new TransportError(`GET https://x/listfolder?access_token=${token}&path=/a failed`);
    expect(error.message).not.toContain(token);
    const withHint = new PCloudError('CONFIG_ERROR', `{"access_token": "${token}"}`, { hint: `Authorization: Bearer ${token}` });
    expect(withHint.message).not.toContain(token);
    expect(withHint.hint).not.toContain(token);
  });

  it('removes registered secret values anywhere in a text', () => {
    registerSecret('a-very-secret-value-42');
    expect(redact('boom a-very-secret-value-42 boom')).toBe('boom [REDACTED] boom');
  });
});
