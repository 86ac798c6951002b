/** The authenticated caller of a method whose spec requires auth. */
import { ApiFailure } from '../api/api-failure.js';
import type { Caller } from '../state/identity-types.js';
import type { MethodContext } from '../api/types.js';

/** The caller the dispatcher resolved; 1000 if a method ran without one (a registration mistake). */
export function callerOf(ctx: MethodContext): Caller {
  if (!ctx.caller) throw new ApiFailure(1000);
  return ctx.caller;
}
