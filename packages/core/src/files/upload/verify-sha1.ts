/** Comparing the sha1 computed while streaming with the one the server reports. */
import { PCloudError } from '../../errors.js';

/** Throws CHECKSUM_MISMATCH when the server's sha1 differs from ours. */
export function verifySha1(ours: string, theirs: string | undefined, what: string): void {
  if (theirs === undefined) {
    throw new PCloudError('CHECKSUM_MISMATCH', `${what}: the server reported no sha1 to verify against.`);
  }
  if (theirs.toLowerCase() !== ours) {
    throw new PCloudError('CHECKSUM_MISMATCH', `${what}: sha1 mismatch (sent ${ours}, server has ${theirs.toLowerCase()}).`);
  }
}
