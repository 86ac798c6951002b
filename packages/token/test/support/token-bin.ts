import { fileURLToPath } from 'node:url';
import { binUnderTest } from '../../../../scripts/bin-under-test.mjs';

/** The script to spawn for `pcloud-token`: the built bin, or the sources bundled the same way. */
export function tokenBin(): Promise<string> {
  return binUnderTest(fileURLToPath(new URL('../..', import.meta.url)), 'pcloud-token');
}
