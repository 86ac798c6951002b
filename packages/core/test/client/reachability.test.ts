import { describe, expect, it } from 'vitest';
import { ApiError, PCloudError, type TransportError } from '../../src/errors.js';
import { createReachability, outageWindowMs, type ReachabilityState } from '../../src/client/reachability.js';
import { httpStatusError, toTransportError } from '../../src/client/transport-errors.js';
import { unreachableReason } from '../../src/client/unreachable-reason.js';

const wire = (code: string, extra: Record<string, unknown> = {}): TransportError =>
  toTransportError(
    'stat',
    Object.assign(new Error(`connect ${code} 127.0.0.1:8080`), { code, address: '127.0.0.1', port: 8080, ...extra }),
  ) as TransportError;
const refused = (): TransportError => wire('ECONNREFUSED');
const reset = (): TransportError => wire('ECONNRESET');

function clocked(windowMs = 30_000) {
  let now = 1_000_000;
  const changes: Array<[ReachabilityState['kind'], ReachabilityState['kind']]> = [];
  const reachability = createReachability({ windowMs, now: () => now });
  reachability.subscribe((state, previous) => changes.push([previous.kind, state.kind]));
  return { reachability, changes, advance: (ms: number) => void (now += ms) };
}

describe('unreachableReason', () => {
  it('names failures that never reached the server, with its address', () => {
    expect(unreachableReason(refused())).toEqual({ reason: 'connection refused', detail: 'connection refused by 127.0.0.1:8080' });
    expect(unreachableReason(wire('ENOTFOUND', { hostname: 'eapi.pcloud.com', address: undefined }))).toMatchObject({
      detail: 'no address found for eapi.pcloud.com',
    });
    expect(unreachableReason(wire('EHOSTUNREACH'))).toMatchObject({ reason: 'host unreachable' });
    expect(unreachableReason(wire('CERT_HAS_EXPIRED'))).toMatchObject({
      reason: 'TLS handshake failed',
      detail: 'TLS handshake with 127.0.0.1:8080 failed (CERT_HAS_EXPIRED)',
    });
    const connectTimeout = toTransportError(
      'stat',
      Object.assign(new Error('Timeout'), { name: 'TimeoutError', code: 'ETIMEDOUT', event: 'connect' }),
    );
    expect(unreachableReason(connectTimeout, 'eapi.pcloud.com')).toEqual({
      reason: 'no connection in time',
      detail: 'no connection to eapi.pcloud.com in time',
    });
  });

  it('leaves out failures after which the server may have acted: resets, idle timeouts, HTTP statuses, API answers', () => {
    expect(unreachableReason(reset())).toBeUndefined();
    expect(
      unreachableReason(
        toTransportError('stat', Object.assign(new Error('Timeout'), { name: 'TimeoutError', code: 'ETIMEDOUT', event: 'socket' })),
      ),
    ).toBeUndefined();
    expect(unreachableReason(httpStatusError('stat', 503))).toBeUndefined();
    expect(unreachableReason(new ApiError('stat', 5000))).toBeUndefined();
  });
});

describe('createReachability', () => {
  it('waits for nothing before the server has answered once: a wrong endpoint fails at once', () => {
    const { reachability, changes } = clocked();
    expect(reachability.failed(refused())).toBe('own');
    expect(reachability.state.kind).toBe('reachable');
    expect(changes).toEqual([]);
  });

  it('waits once a reached server refuses, and judges it gone when failures go on for the window', () => {
    const { reachability, changes, advance } = clocked(30_000);
    reachability.reached();
    expect(reachability.failed(reset())).toBe('own');
    advance(1_000);
    expect(reachability.failed(refused())).toBe('wait');
    expect(reachability.state).toMatchObject({ kind: 'waiting', since: 1_000_000, detail: 'connection refused by 127.0.0.1:8080' });
    advance(28_999);
    expect(reachability.failed(refused())).toBe('wait');
    advance(1);
    expect(reachability.failed(reset())).toBe('give-up');
    expect(reachability.state).toMatchObject({ kind: 'unreachable', since: 1_000_000, reason: 'connection refused' });
    expect(reachability.failed(refused())).toBe('give-up');
    expect(changes).toEqual([
      ['reachable', 'waiting'],
      ['waiting', 'unreachable'],
    ]);
  });

  it('never takes a flaky server for a gone one: resets and 5000 answers alone start no wait', () => {
    const { reachability, advance } = clocked(1_000);
    reachability.reached();
    for (let i = 0; i < 50; i++) {
      advance(500);
      expect(reachability.failed(reset())).toBe('own');
      expect(reachability.failed(new ApiError('uploadfile', 5000))).toBe('own');
      expect(reachability.failed(new PCloudError('ABORTED', 'x'))).toBe('own');
    }
    expect(reachability.state.kind).toBe('reachable');
  });

  it('carries on when the server answers again, and starts the window anew', () => {
    const { reachability, changes, advance } = clocked(10_000);
    reachability.reached();
    reachability.failed(refused());
    advance(9_000);
    reachability.reached();
    advance(9_000);
    expect(reachability.failed(refused())).toBe('wait');
    advance(9_000);
    expect(reachability.failed(refused())).toBe('wait');
    expect(changes).toEqual([
      ['reachable', 'waiting'],
      ['waiting', 'reachable'],
      ['reachable', 'waiting'],
    ]);
  });

  it('gives the same error the same verdict, so loops nested in the client count a failure once', () => {
    const { reachability, advance } = clocked(1_000);
    reachability.reached();
    const error = refused();
    expect(reachability.failed(error)).toBe('wait');
    advance(5_000);
    expect(reachability.failed(error)).toBe('wait');
    expect(reachability.failed(refused())).toBe('give-up');
  });

  it('wakes a paused call when the judgement changes, and tells when the soonest one tries again', async () => {
    const reachability = createReachability({ windowMs: 60_000 });
    reachability.reached();
    reachability.failed(refused());
    const before = Date.now();
    const paused = reachability.pause(60_000, undefined, 'stat');
    expect(reachability.retryAt).toBeGreaterThanOrEqual(before + 60_000);
    reachability.reached();
    await paused;
    expect(reachability.retryAt).toBeUndefined();
  });

  it('ends a pause with ABORTED when the signal fires', async () => {
    const reachability = createReachability();
    const controller = new AbortController();
    const paused = reachability.pause(60_000, controller.signal, 'stat');
    controller.abort();
    await expect(paused).rejects.toMatchObject({ code: 'ABORTED', message: 'stat: the call was aborted.' });
  });

  it('waits 15 s per second of timeout: 30 s by default', () => {
    expect(outageWindowMs()).toBe(30_000);
    expect(outageWindowMs(10)).toBe(150_000);
    expect(createReachability().windowMs).toBe(30_000);
  });
});
