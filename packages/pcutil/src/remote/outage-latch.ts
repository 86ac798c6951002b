import { TransportError, type Reachability } from '@pcloud/core';

/** Since when (ISO time) and why pCloud could not be reached, when that stopped a run. */
export interface Unreachable {
  since: string;
  reason: string;
}

/** What a run holds of pCloud's going away; see {@link createOutageLatch}. */
export interface OutageLatch {
  /** True once pCloud has been judged gone: from then on nothing new starts. */
  gone(): boolean;
  /** The failure is the outage's (a transport error once pCloud is judged gone): not done, rather than failed. */
  stoppedBy(error: unknown): boolean;
  /** Since when and why, once gone. */
  readonly unreachable: Unreachable | undefined;
}

/**
 * Where cp and rm decide that pCloud's going away stops them. Core's client waits for pCloud and
 * judges whether it is gone (the run's shared reachability); the first time a run sees it judged
 * gone, the run holds that for good, even if pCloud answers again meanwhile: nothing new starts,
 * what was left is reported as not done, and the same command finishes the job.
 */
export function createOutageLatch(reachability: Pick<Reachability, 'state'> | undefined): OutageLatch {
  let unreachable: Unreachable | undefined;
  const gone = (): boolean => {
    const state = reachability?.state;
    if (unreachable === undefined && state?.kind === 'unreachable')
      unreachable = { since: new Date(state.since).toISOString(), reason: state.detail };
    return unreachable !== undefined;
  };
  return {
    gone,
    stoppedBy: (error) => error instanceof TransportError && gone(),
    get unreachable() {
      return unreachable;
    },
  };
}
