/**
 * The home folder of another user, for `~name/…` in local paths (as Python's expanduser and
 * shells do): looked up in /etc/passwd; the current user's own name gives the current home.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

/** `name`'s home folder, or undefined when there is no such user (the path then stays as written). */
export function userHome(name: string): string | undefined {
  try {
    if (name === userInfo().username) return userInfo().homedir;
  } catch {
    // No passwd entry for the current uid (containers): fall through to the file.
  }
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return undefined;
  }
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === name && fields.length >= 6 && fields[5]) return fields[5];
  }
  return undefined;
}
