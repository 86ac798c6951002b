import { describe, expect, it } from 'vitest';
import { startLoopbackListener } from '../../src/auth/loopback-listener.js';

describe('loopback listener', () => {
  it('listens on 127.0.0.1, refuses a wrong state, and resolves with the right redirect', async () => {
    const listener = await startLoopbackListener({ state: 'expected-state' });
    try {
      expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const wrong = await fetch(`${listener.redirectUri}?code=X1&state=other`);
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).not.toContain('X1');
      const missing = await fetch(`${listener.redirectUri}favicon.ico`);
      expect(missing.status).toBe(404);
      const right = await fetch(`${listener.redirectUri}?code=GoodCode&state=expected-state&locationid=2&hostname=eapi.pcloud.com`);
      expect(right.status).toBe(200);
      const html = await right.text();
      expect(html).toContain('You can close this tab');
      expect(html).not.toContain('GoodCode');
      await expect(listener.result).resolves.toEqual({
        code: 'GoodCode',
        state: 'expected-state',
        locationid: 2,
        hostname: 'eapi.pcloud.com',
      });
    } finally {
      await listener.close();
    }
  });

  it('rejects on a denial, showing its error escaped, and when closed', async () => {
    const denied = await startLoopbackListener({ state: 's' });
    await fetch(`${denied.redirectUri}?error=access_denied&state=s`);
    await expect(denied.result).rejects.toMatchObject({ code: 'AUTH_ERROR' });
    await denied.close();
    const hostile = await startLoopbackListener({ state: 's' });
    const answer = await fetch(`${hostile.redirectUri}?state=s&error=${encodeURIComponent('<script>alert("x")</script>')}`);
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('Authorization was not granted (&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;).');
    await expect(hostile.result).rejects.toMatchObject({ code: 'AUTH_ERROR' });
    await hostile.close();
    const closed = await startLoopbackListener({ state: 's' });
    await closed.close();
    await expect(closed.result).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
