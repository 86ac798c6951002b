import type { CommandBody } from './define.js';
import { convertOptionValue, initialValue } from './option-spec.js';

/** A command's values after precedence, and which of them the command line gave. */
export interface ResolvedArgs {
  args: Record<string, unknown>;
  /** Options the command line gave that `-s` may save (not one-shot). */
  saveable: Record<string, unknown>;
  dryRun: boolean;
  json: boolean;
}

/** Where the tool's section lives, for errors about its values. */
export interface SectionSource {
  file: string;
  name: string;
  values: Readonly<Record<string, unknown>>;
}

function restoreAll(value: unknown, restore: (text: string) => string): unknown {
  if (typeof value === 'string') return restore(value);
  if (Array.isArray(value)) return value.map((item) => restoreAll(item, restore));
  return value;
}

/**
 * Resolves a command's options (command line > the tool's config section > declared default;
 * one-shot options never come from the config) and positionals, checking every value.
 */
export function resolveCommandArgs(
  body: CommandBody,
  argv: Readonly<Record<string, unknown>>,
  section: SectionSource,
  restore: (text: string) => string,
): ResolvedArgs {
  const args: Record<string, unknown> = {};
  const saveable: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(body.options ?? {})) {
    const given = restoreAll(argv[name], restore);
    if (given !== undefined) {
      args[name] = convertOptionValue(name, spec, given, { kind: 'command line' });
      if (!spec.oneShot) saveable[name] = args[name];
    } else if (!spec.oneShot && section.values[name] !== undefined) {
      args[name] = convertOptionValue(name, spec, section.values[name], { kind: 'config', file: section.file, section: section.name });
    } else {
      args[name] = initialValue(spec);
    }
  }
  for (const [name, spec] of Object.entries(body.positionals ?? {})) {
    const value = restoreAll(argv[name], restore);
    args[name] = spec.variadic ? (value === undefined ? [] : [value].flat().map(String)) : value === undefined ? undefined : String(value);
  }
  return { args, saveable, dryRun: argv['dry-run'] === true, json: argv.json === true };
}
