/**
 * A token written on a command line (`--token VALUE`, `pcloud://…?authid=…`) can be read by
 * every user of the machine in the process list (`ps`, /proc/PID/cmdline). It still works, but a
 * run that uses one says so, once, and names the safer ways in.
 */
import type { OptionSpecs } from './option-spec.js';

const AUTHID = /^pcloud(\+http)?:\/\/[^?#]*\?([^#]*&)?authid=/i;

/**
 * The warning for a run whose command line carried a token, or undefined. `given` tells an
 * option's value as written on the command line; options declared `secret` count unless their
 * value is `-` (read from standard input).
 */
export function argvTokenWarning(
  argv: readonly string[],
  given: (name: string) => unknown,
  specs: OptionSpecs | undefined,
): string | undefined {
  const secretOption = Object.entries(specs ?? {}).find(
    ([name, spec]) => spec.secret === true && given(name) !== undefined && given(name) !== '-',
  );
  if (secretOption !== undefined) {
    const option = `--${secretOption[0]}`;
    return `a token given with ${option} on the command line can be read by other users in the process list; use ${option} - (standard input) or PCLOUD_ACCESS_TOKEN instead`;
  }
  if (argv.some((arg) => AUTHID.test(arg))) {
    return 'a token given with authid= on the command line can be read by other users in the process list; put it in PCLOUD_ACCESS_TOKEN and leave authid= out';
  }
  return undefined;
}
