const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes text safe to print on a terminal: control characters (C0, DEL and C1, which include ESC
 * and the single-character CSI) are shown as escapes (`\x1b`, `\n`, `\t`, `\r`), so a name that a
 * server or a disk hands us cannot move the cursor, recolour the screen or rewrite earlier lines.
 * Everything else, non-ASCII letters included, is left alone. Backslashes are not doubled, so
 * escaping twice changes nothing more: a line built from escaped parts may be escaped again
 * where it is printed.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (char) => NAMED[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
