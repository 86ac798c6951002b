/**
 * The data dir and its `state.json` on disk. The file holds every token, so it is written 0600
 * inside a 0700 directory. A `state.json` that cannot be read or parsed stops the start-up with
 * one line naming it: starting empty would orphan every stored file and overwrite the evidence.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** The data dir or its state file cannot be used; the message is one line for the user. */
export class DataDirError extends Error {}

/** Creates the data dir (mode 0700), or tightens an existing one to 0700. */
export function prepareDataDir(root: string): void {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  chmodSync(root, 0o700);
}

/** The parsed state file, or undefined when there is none yet (first start). */
export function readStateFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new DataDirError(`cannot read ${file} (${code ?? 'read error'}); nothing was changed`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DataDirError(
      `${file} is not valid JSON; refusing to start so its files are not orphaned (repair it, or move it aside to start empty)`,
    );
  }
}

/** Replaces the state file atomically (temporary file + rename), readable by its owner only. */
export function writeStateFile(file: string, value: unknown): void {
  const tmp = `${file}.tmp`;
  // A leftover temporary file may carry wider permissions; `mode` only applies to a new file.
  rmSync(tmp, { force: true });
  writeFileSync(tmp, JSON.stringify(value), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
