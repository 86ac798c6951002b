/**
 * Fault injection: failing every Nth call, latency, connection resets mid-request
 * or mid-response, throttling beyond a call rate (call-limit.ts), links that expire at once, and
 * pCloud's 2026 refusals of recursive listings. Rules are per method (or global) and can be
 * changed while the emulator runs.
 */
import { CallLimit, type CallLimitOptions } from './call-limit.js';

/** One rule; it applies to the listed methods (`download` means the download host), or to all. */
export interface FaultRule {
  methods?: string[];
  /** Every Nth matching call fails with `failResult` (default 5000). */
  failEvery?: number;
  failResult?: number;
  /** Delay before every matching call is answered, in milliseconds. */
  latencyMs?: number;
  /** Every Nth matching call: the connection is reset while the request is still being received. */
  resetRequestEvery?: number;
  /** Every Nth matching call: the connection is reset halfway through the response body. */
  resetResponseEvery?: number;
}

/** Fault settings of an emulator. */
export interface FaultOptions {
  rules?: FaultRule[];
  /** Download links are born expired (the download host answers 401). */
  expireLinks?: boolean;
  /** `listfolder` of the root with `recursive` answers 1101, as pCloud since 2026 (default true). */
  rootRecursive1101?: boolean;
  /** Recursive listings with more entries than this answer 5000 (default: no limit). */
  maxRecursiveEntries?: number;
  /** Calls beyond a rate or a number in flight are throttled: API calls answer 4000, the download host 429. */
  callLimit?: CallLimitOptions;
}

/** What to do to one call. */
export interface FaultAction {
  latencyMs: number;
  failResult?: number;
  reset?: 'request' | 'response';
  /** Refused by the call limit: answered with `failResult` (API) or HTTP 429 (download host). */
  throttled?: boolean;
  /** Called once the call is answered: it no longer counts as in flight. */
  release: () => void;
}

/** Counters of the faults injected since the emulator started (never reset by `set`). */
export interface FaultTally {
  /** Calls answered with an injected error, by result code. */
  failures: Record<number, number>;
  requestResets: number;
  responseResets: number;
  /** Calls answered late because of a latency rule. */
  delayed: number;
  /** Calls refused by the call limit (API calls and downloads). */
  throttled: number;
}

/** The live fault settings and their counters. */
export class Faults {
  private rules: Array<{ rule: FaultRule; calls: number }> = [];
  expireLinks = false;
  rootRecursive1101 = true;
  maxRecursiveEntries = Number.POSITIVE_INFINITY;
  /** How many faults were injected so far (failures and resets). */
  injected = 0;
  /** The injected faults by kind, for reports of fault runs: failures by result code, resets, delayed calls. */
  readonly tally: FaultTally = { failures: {}, requestResets: 0, responseResets: 0, delayed: 0, throttled: 0 };
  /**
   * Every call seen, by method (`download` for the download host), whether a fault hit it or not;
   * never reset by `set`. Tests read it to count what a client spent on a job.
   */
  readonly calls: Record<string, number> = {};
  private limit: CallLimit | undefined;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replaces the settings (counters restart). */
  set(options: FaultOptions): void {
    this.rules = (options.rules ?? []).map((rule) => ({ rule, calls: 0 }));
    this.expireLinks = options.expireLinks ?? false;
    this.rootRecursive1101 = options.rootRecursive1101 ?? true;
    this.maxRecursiveEntries = options.maxRecursiveEntries ?? Number.POSITIVE_INFINITY;
    this.limit = options.callLimit ? new CallLimit(options.callLimit) : undefined;
  }

  /** Counts a call of `method` and says which faults hit it. */
  decide(method: string): FaultAction {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    const action: FaultAction = { latencyMs: 0, release: () => undefined };
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.methods && !rule.methods.includes(method)) continue;
      entry.calls++;
      action.latencyMs += rule.latencyMs ?? 0;
      const hit = (every: number | undefined): boolean => every !== undefined && every > 0 && entry.calls % every === 0;
      if (action.reset === undefined && hit(rule.resetRequestEvery)) action.reset = 'request';
      else if (action.reset === undefined && hit(rule.resetResponseEvery)) action.reset = 'response';
      else if (action.failResult === undefined && hit(rule.failEvery)) action.failResult = rule.failResult ?? 5000;
    }
    const limit = this.limit;
    if (limit && !limit.admit()) {
      // Throttled: the call is refused before anything else could happen to it.
      Object.assign(action, { throttled: true, failResult: limit.result });
      delete action.reset;
      this.tally.throttled++;
      this.injected++;
      if (action.latencyMs > 0) this.tally.delayed++;
      return action;
    }
    if (limit) {
      let released = false;
      action.release = () => {
        if (!released) limit.release();
        released = true;
      };
    }
    if (action.reset !== undefined || action.failResult !== undefined) this.injected++;
    if (action.reset === 'request') this.tally.requestResets++;
    else if (action.reset === 'response') this.tally.responseResets++;
    else if (action.failResult !== undefined) this.tally.failures[action.failResult] = (this.tally.failures[action.failResult] ?? 0) + 1;
    if (action.latencyMs > 0) this.tally.delayed++;
    return action;
  }
}
