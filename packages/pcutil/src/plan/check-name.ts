/** pCloud's limit on a file or folder name, in UTF-8 bytes (pcloud-api.md §1.6). */
export const MAX_NAME_BYTES = 1023;

/**
 * Why pCloud would refuse `name` as a file or folder name, or undefined when it is acceptable.
 * We report such names instead of mangling them, so nobody finds a silently renamed file later.
 */
export function remoteNameProblem(name: string): string | undefined {
  if (name.includes('\\')) return 'name contains a backslash (\\), which pCloud refuses';
  if (name.includes('\0')) return 'name contains a NUL character, which pCloud refuses';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_BYTES) return `name is ${bytes} bytes long; pCloud allows at most ${MAX_NAME_BYTES}`;
  return undefined;
}
