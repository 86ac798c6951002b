/**
 * One command, one account: the locations of a command must all name the same server and
 * token (`p:` means the configured account). Otherwise a file meant for one account would
 * silently land in another, since a command talks through a single client.
 */
import { PCloudError } from '../errors.js';
import type { RemoteLocation } from './parse-location.js';

/** The location that picks the account (the first), after checking the others agree with it. */
export function oneAccount(locations: readonly RemoteLocation[]): RemoteLocation | undefined {
  const [first, ...rest] = locations;
  if (!first) return undefined;
  const other = rest.find((location) => location.endpoint !== first.endpoint || location.accessToken !== first.accessToken);
  if (other) {
    throw new PCloudError(
      'USAGE_ERROR',
      `${first.display} and ${other.display} name different accounts or servers; one command works in one account.`,
      {
        hint: 'copy between accounts through a local folder',
      },
    );
  }
  return first;
}
