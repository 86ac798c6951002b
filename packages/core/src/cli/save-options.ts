import { configError } from '../config/config-schema.js';
import type { ConfigStore } from '../config/config-store.js';
import { COMMON_OPTIONS, type CommonOptions } from './common-options.js';

/**
 * `-s`: saves the options given on this command line — common ones at the top of the config
 * (resolved: `-e us` is saved as its URL), the tool's own into its section — in one locked
 * read-merge-write. One-shot flags (`-r`, `-s`, `-f`, `--json`, `--dry-run`, the tool's
 * action flags) are never saved. Answers the saved keys, for the confirmation line.
 */
export async function saveGivenOptions(
  config: ConfigStore,
  sectionName: string,
  commonGiven: Readonly<Record<string, unknown>>,
  options: CommonOptions,
  toolGiven: Readonly<Record<string, unknown>>,
): Promise<string[]> {
  const resolved: Record<string, unknown> = {
    endpoint: options.endpoint,
    timeout: options.timeout,
    username: options.username,
    verbose: options.verbose,
    transport: options.transport,
    'insecure-http': options.insecureHttp,
  };
  const top: Record<string, unknown> = {};
  for (const [name, info] of Object.entries(COMMON_OPTIONS)) {
    if (info.saveAs !== undefined && commonGiven[name] !== undefined) top[info.saveAs] = resolved[name];
  }
  const saved = [...Object.keys(top), ...Object.keys(toolGiven).map((key) => `${sectionName}.${key}`)];
  if (saved.length === 0) return saved;
  await config.update((stored) => {
    Object.assign(stored, top);
    if (Object.keys(toolGiven).length > 0) {
      const current = stored[sectionName];
      if (current !== undefined && (typeof current !== 'object' || current === null || Array.isArray(current))) {
        throw configError(config.path, `"${sectionName}" must be an object (the ${sectionName} tool's section)`);
      }
      stored[sectionName] = { ...current, ...toolGiven };
    }
  });
  return saved;
}
