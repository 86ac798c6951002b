/**
 * A throttling fault: pCloud answers callers that go too fast with a 4xxx result ("retry later",
 * pcloud-api.md §1.4), and content hosts with an HTTP status. Calls beyond `perSecond` started in
 * the last second, or beyond `inFlight` being answered at once, are refused that way; refused calls
 * count neither way, so a client that slows down gets through.
 */

/** The throttling fault's settings. */
export interface CallLimitOptions {
  /** At most this many calls started in any one second. */
  perSecond?: number;
  /** At most this many calls being answered at once (an upload counts until its answer is sent). */
  inFlight?: number;
  /** The result an API call beyond a limit gets (default 4000, pCloud's documented rate-limit result). */
  result?: number;
}

/** The result code of a throttled API call unless told otherwise. */
export const THROTTLE_RESULT = 4000;

/** Admits calls within the limits; each admitted call must be released when answered. */
export class CallLimit {
  readonly result: number;
  readonly #perSecond: number;
  readonly #inFlight: number;
  readonly #now: () => number;
  /** Start times (ms) of the admitted calls of the last second, oldest first. */
  #recent: number[] = [];
  #running = 0;

  constructor(options: CallLimitOptions, now: () => number = () => performance.now()) {
    this.result = options.result ?? THROTTLE_RESULT;
    this.#perSecond = options.perSecond ?? Number.POSITIVE_INFINITY;
    this.#inFlight = options.inFlight ?? Number.POSITIVE_INFINITY;
    this.#now = now;
  }

  /** Whether a call may start now; when it may, it counts as running until `release` is called. */
  admit(): boolean {
    const now = this.#now();
    while (this.#recent.length > 0 && (this.#recent[0] as number) <= now - 1000) this.#recent.shift();
    if (this.#recent.length >= this.#perSecond || this.#running >= this.#inFlight) return false;
    if (Number.isFinite(this.#perSecond)) this.#recent.push(now);
    this.#running++;
    return true;
  }

  /** An admitted call was answered (or its connection went away). */
  release(): void {
    this.#running = Math.max(0, this.#running - 1);
  }
}
