import { readFileSync } from 'node:fs';
import { configError, validateConfig, type PCloudConfig } from './config-schema.js';

/** Why JSON.parse refused a text, without quoting any of it: the file holds a token. */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const at = / in JSON at position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const reason = message.slice(0, at.index).replace(/^./, (c) => c.toLowerCase());
    return `not valid JSON (${reason} at line ${line}, column ${column})`;
  }
  if (/end of JSON input/.test(message)) return 'not valid JSON (it ends too early)';
  const token = /^Unexpected token '(.)'/.exec(message);
  return `not valid JSON${token ? ` (unexpected character '${token[1]}')` : ''}`;
}

/**
 * Reads and validates the config file. Answers undefined when there is no file, or only
 * whitespace in it (nothing to lose: it is then created with defaults). Anything that is not a
 * valid config raises a one-line CONFIG_ERROR naming the file, and the file is never touched.
 */
export function readConfigFile(path: string): PCloudConfig | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw configError(path, `cannot be read (${code ?? 'unknown error'})`);
  }
  // Editors may save a byte order mark; it is not part of the JSON.
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw configError(path, jsonProblem(error, json));
  }
  return validateConfig(parsed, path);
}
