import { fileURLToPath } from 'node:url';
import { binUnderTest } from '../../../../scripts/bin-under-test.mjs';

/** The script to spawn for `pcutil`: the built bin, or the sources bundled the same way. */
export function pcutilBin(): Promise<string> {
  return binUnderTest(fileURLToPath(new URL('../..', import.meta.url)), 'pcutil');
}
