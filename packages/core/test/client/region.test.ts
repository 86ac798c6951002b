import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT, regionHint, regionOfEndpoint, regionOfLocation, resolveEndpoint } from '../../src/client/region.js';

describe('resolveEndpoint', () => {
  it('maps eu and us to the region hosts and defaults to EU', () => {
    expect(resolveEndpoint('eu').href).toBe('https://eapi.pcloud.com/');
    expect(resolveEndpoint('US').href).toBe('https://api.pcloud.com/');
    expect(resolveEndpoint(undefined).href).toBe(`${DEFAULT_ENDPOINT}/`);
  });

  it('takes URLs as given and bare hosts as HTTPS', () => {
    expect(resolveEndpoint('http://127.0.0.1:8080').href).toBe('http://127.0.0.1:8080/');
    expect(resolveEndpoint('api.pcloud.com').href).toBe('https://api.pcloud.com/');
  });

  it('rejects other schemes and garbage with a usage error naming the value', () => {
    expect(() => resolveEndpoint('ftp://x')).toThrow(/Invalid endpoint 'ftp:\/\/x'/);
    expect(() => resolveEndpoint('http://')).toThrow(expect.objectContaining({ code: 'USAGE_ERROR' }));
  });

  it('refuses an endpoint carrying a query or user info, without repeating a secret in it', () => {
    const attempt = () => resolveEndpoint('https://eapi.pcloud.com/?access_token=endpoint-secret-987');
    expect(attempt).toThrow(/must not carry a query/);
    expect(attempt).not.toThrow(/endpoint-secret-987/);
    expect(() => resolveEndpoint('https://user:pw-secret@eapi.pcloud.com')).toThrow(
      /^Invalid endpoint 'https:\/\/eapi\.pcloud\.com\/…': .*user info\.$/,
    );
  });
});

describe('regions', () => {
  it('knows which region an endpoint or locationid is', () => {
    expect(regionOfEndpoint('https://eapi.pcloud.com')).toBe('eu');
    expect(regionOfEndpoint(new URL('https://api.pcloud.com/'))).toBe('us');
    expect(regionOfEndpoint('http://127.0.0.1:1')).toBeUndefined();
    expect(regionOfLocation(1)).toBe('us');
    expect(regionOfLocation('2')).toBe('eu');
    expect(regionOfLocation(3)).toBeUndefined();
  });

  it('names the other region and its switch in the 2094 hint', () => {
    expect(regionHint(new URL('https://eapi.pcloud.com'))).toContain('-e us');
    expect(regionHint(new URL('https://api.pcloud.com'))).toContain('-e eu');
    const other = regionHint(new URL('http://127.0.0.1:9'));
    expect(other).toContain('127.0.0.1:9');
    expect(other).toMatch(/-e eu.*-e us/);
  });
});
