import { describe, expect, it } from 'vitest';
import { createReachability } from '../../src/client/reachability.js';
import { toTransportError } from '../../src/client/transport-errors.js';
import { describeOutage, reportReachability, waitingStatus, type ReachabilityView } from '../../src/cli/reachability-report.js';

const refused = () =>
  toTransportError('stat', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 8080 }));
const at = (time: string): number => new Date(`2026-05-04T${time}`).getTime();

function world(windowMs = 30_000) {
  let now = at('14:03:12');
  const reachability = createReachability({ windowMs, now: () => now });
  reachability.reached();
  return { reachability, clock: () => now, advance: (ms: number) => void (now += ms) };
}

describe('reportReachability', () => {
  it('without a live status: one line when the wait begins, one when pCloud answers again, none for the retries between', () => {
    const { reachability, clock, advance } = world();
    const lines: string[] = [];
    reportReachability(reachability, () => ({ line: (text) => void lines.push(text) }), 'pcutil', clock);
    reachability.failed(refused());
    advance(1000);
    reachability.failed(refused());
    advance(3200);
    reachability.reached();
    expect(lines).toEqual([
      'pcutil: pCloud unreachable since 14:03:12 (connection refused by 127.0.0.1:8080); waiting up to 30 s for it to answer again',
      'pcutil: pCloud answers again after 4 s; carrying on',
    ]);
  });

  it('with a live status: shows the wait there and clears it when pCloud answers again, with no lines', async () => {
    const { reachability, clock } = world();
    const lines: string[] = [];
    let status: (() => string) | undefined;
    const view: ReachabilityView = { line: (text) => void lines.push(text), status: (text) => void (status = text) };
    reportReachability(reachability, () => view, 'pcutil', clock);
    reachability.failed(refused());
    const paused = reachability.pause(4000, undefined, 'stat');
    expect(status?.()).toMatch(/^waiting for pCloud \(connection refused\), retry in \d s$/);
    reachability.reached();
    await paused;
    expect(status).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it('counts down to the soonest retry', () => {
    const { reachability, clock } = world();
    reachability.failed(refused());
    expect(waitingStatus(reachability, clock())).toBe('waiting for pCloud (connection refused), retrying');
    void reachability.pause(3_500, undefined, 'a');
    void reachability.pause(9_000, undefined, 'b');
    expect(waitingStatus(reachability, clock())).toBe('waiting for pCloud (connection refused), retry in 4 s');
    reachability.reached();
  });

  it('says since when and why pCloud is gone', () => {
    expect(describeOutage({ since: at('09:05:00'), detail: 'connection refused by 127.0.0.1:8080' })).toBe(
      'pCloud has been unreachable since 09:05:00 (connection refused by 127.0.0.1:8080)',
    );
  });
});
