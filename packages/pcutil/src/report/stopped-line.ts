import { describeOutage } from '@pcloud/core/cli';
import type { Unreachable } from '../remote/outage-latch.js';

/** The line that tells why a run stopped: `pcutil: stopped: pCloud has been unreachable since 14:03:12 (…)`. */
export function stoppedLine(unreachable: Unreachable): string {
  return `pcutil: stopped: ${describeOutage({ since: Date.parse(unreachable.since), detail: unreachable.reason })}`;
}
