import { PCloudError } from '../errors.js';

/**
 * The value kinds a tool option can have. `list` is comma-separated on the command line;
 * `repeatable` is text given once per occurrence (`--exclude a --exclude b`), kept in order and
 * never split, for values that may hold commas themselves (glob patterns such as `*.{jpg,png}`).
 */
export type OptionType = 'string' | 'boolean' | 'integer' | 'list' | 'repeatable';

/** One option of a tool or command, declared once: parsing, help, config section and `-s`. */
export interface OptionSpec {
  type: OptionType;
  /** One help line; say what it does and the default. */
  describe: string;
  /** A one-letter short form (`d` for `-d`). */
  alias?: string;
  /** Used when neither the command line nor the tool's config section gives a value. */
  default?: string | number | boolean | readonly string[];
  /** Allowed values (string options). */
  choices?: readonly string[];
  /** Bounds for integers (inclusive). */
  min?: number;
  max?: number;
  /** An action flag (`--list`, `--create-cache`): never saved by `-s`, never read from the config. */
  oneShot?: boolean;
  /** Its value is a secret (a token): a value on the command line, other than `-`, is warned about. */
  secret?: boolean;
}

/** A positional argument: required unless `optional`; `variadic` takes all remaining ones. */
export interface PositionalSpec {
  describe: string;
  variadic?: boolean;
  optional?: boolean;
}

/** A map of option names (long form, kebab-case) to their declarations. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;
/** A map of positional names, in order, to their declarations. */
export type PositionalSpecs = Readonly<Record<string, PositionalSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['type'] extends 'integer'
    ? number
    : S['type'] extends 'list' | 'repeatable'
      ? string[]
      : string;

/** The typed values of declared options: booleans are always set, others when given or defaulted. */
export type OptionArgs<O extends OptionSpecs> = {
  -readonly [K in keyof O]: O[K] extends { type: 'boolean' } | { default: unknown } ? ValueOf<O[K]> : ValueOf<O[K]> | undefined;
};

/** The typed values of declared positionals. */
export type PositionalArgs<P extends PositionalSpecs> = {
  -readonly [K in keyof P]: P[K] extends { variadic: true } ? string[] : P[K] extends { optional: true } ? string | undefined : string;
};

/** Where a value came from, for the error that refuses it. */
export type ValueSource = { kind: 'command line' } | { kind: 'config'; file: string; section: string };

function refuse(name: string, source: ValueSource, problem: string): PCloudError {
  if (source.kind === 'command line') return new PCloudError('USAGE_ERROR', `--${name} ${problem}`);
  return new PCloudError('CONFIG_ERROR', `config file ${source.file}: "${source.section}.${name}" ${problem}`, {
    hint: 'the file was left unchanged; fix it, or give the option on the command line',
  });
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Checks and converts one option value from the command line (a string, a number or a boolean
 * as yargs parsed it; the last one when repeated) or from a tool's config section.
 */
export function convertOptionValue(name: string, spec: OptionSpec, raw: unknown, source: ValueSource): unknown {
  const value = Array.isArray(raw) && spec.type !== 'list' && spec.type !== 'repeatable' ? raw[raw.length - 1] : raw;
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw refuse(name, source, `must be true or false (got ${shown(value)})`);
      return value;
    case 'integer': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
      const min = spec.min ?? Number.MIN_SAFE_INTEGER;
      const max = spec.max ?? Number.MAX_SAFE_INTEGER;
      if (!Number.isSafeInteger(number) || number < min || number > max) {
        const range = spec.max !== undefined ? ` from ${min} to ${max}` : spec.min !== undefined ? ` of at least ${min}` : '';
        throw refuse(name, source, `must be an integer${range} (got ${shown(value)})`);
      }
      return number;
    }
    case 'list': {
      const items = (Array.isArray(value) ? value : [value]).flatMap((item) =>
        typeof item === 'string' ? item.split(',') : typeof item === 'number' ? [String(item)] : [undefined],
      );
      if (items.includes(undefined)) throw refuse(name, source, `must be a comma-separated list (got ${shown(value)})`);
      return (items as string[]).map((item) => item.trim()).filter((item) => item !== '');
    }
    case 'repeatable': {
      const items = Array.isArray(value) ? value : [value];
      if (!items.every((item) => typeof item === 'string' || typeof item === 'number')) {
        throw refuse(name, source, `must be text, once per value (got ${shown(value)})`);
      }
      return items.map(String);
    }
    case 'string': {
      if (typeof value !== 'string' && typeof value !== 'number') throw refuse(name, source, `must be text (got ${shown(value)})`);
      const text = String(value);
      if (spec.choices && !spec.choices.includes(text)) {
        throw refuse(name, source, `must be one of ${spec.choices.join(', ')} (got ${shown(text)})`);
      }
      return text;
    }
  }
}

/** The value an option has before any source gives one. */
export function initialValue(spec: OptionSpec): unknown {
  if (spec.default !== undefined) return Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return spec.type === 'boolean' ? false : undefined;
}
