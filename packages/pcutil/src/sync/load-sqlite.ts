import type * as Sqlite from 'node:sqlite';

/** The node:sqlite module. */
export type SqliteModule = typeof Sqlite;

/** The warning Node.js 22.13 to 23 print the first time node:sqlite loads. */
const SQLITE_WARNING = 'SQLite is an experimental feature';

/**
 * Node's built-in SQLite (`node:sqlite`), or undefined on a Node.js that lacks it (22.12 has it
 * only behind --experimental-sqlite). Node.js 22.13 to 23 call it experimental and print a
 * warning when it loads; the digest cache is no reason to alarm anyone, so exactly that warning
 * is held back while it loads, and every other one goes through.
 */
export function loadSqlite(): SqliteModule | undefined {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith(SQLITE_WARNING)) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return process.getBuiltinModule('node:sqlite') as SqliteModule | undefined;
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}
