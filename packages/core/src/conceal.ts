/**
 * Objects that hold a secret but print without it: `console.log`, `util.inspect` and
 * `JSON.stringify` show a view with `[REDACTED]` in place of the secret, while code still reads
 * the real value. The hooks are non-enumerable, so spreading or comparing the object is unchanged.
 */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Inspect = (value: unknown, options: object) => string;

/** Gives `value` print hooks that show `view()` instead of it; returns the same object. */
export function printAs<T extends object>(value: T, view: () => unknown): T {
  Object.defineProperties(value, {
    toJSON: { value: view, enumerable: false, configurable: true },
    [INSPECT]: {
      value: (_depth: number, options: object, inspect: Inspect) => inspect(view(), options),
      enumerable: false,
      configurable: true,
    },
  });
  return value;
}

/** A plain copy of `value` with each named field that holds a value replaced by `[REDACTED]`. */
export function withoutSecrets(value: object, fields: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  for (const field of fields) if (copy[field] !== undefined && copy[field] !== '') copy[field] = '[REDACTED]';
  return copy;
}

/** Gives `value` print hooks that hide the named fields; returns the same object. */
export function concealFields<T extends object>(value: T, fields: readonly string[]): T {
  return printAs(value, () => withoutSecrets(value, fields));
}
