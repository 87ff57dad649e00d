/**
 * The one config-error style of every `validate…Config()`: an error that
 * names the key, the rejected value and the allowed values
 * (`nInit is 0; expected an integer in [1, 1000]`), with range, boolean,
 * enum and unknown-key checks. Each module subclasses the error (with its own
 * `name`) so callers can tell them apart.
 */
export class ConfigValueError extends RangeError {
  constructor(
    /** Config key, e.g. `threshold` or `kalman.stdWeightPosition`. */
    readonly key: string,
    /** The rejected value. */
    readonly value: unknown,
    /** Human-readable allowed values, e.g. `an integer in [1, 100]`. */
    readonly allowed: string,
  ) {
    super(`${key} is ${show(value)}; expected ${allowed}`);
  }
}

/** JSON, except numbers JSON cannot show (`NaN`, `Infinity`) and `undefined`. */
function show(value: unknown): string {
  return typeof value === 'number' || value === undefined ? String(value) : JSON.stringify(value);
}

type ErrorClass = new (key: string, value: unknown, allowed: string) => ConfigValueError;

/** Returns `value` when it is a finite number in [min, max] (an integer if asked); else throws `Err`. */
export function checkNumber(Err: ErrorClass, key: string, value: unknown, min: number, max: number, integer = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  if (!ok || (integer && !Number.isInteger(value))) {
    throw new Err(key, value, `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`);
  }
  return value as number;
}

/** Returns `value` when it is a boolean; else throws `Err`. */
export function checkBoolean(Err: ErrorClass, key: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new Err(key, value, 'true or false');
  return value;
}

/** Returns `value` when it is one of `allowed`; else throws `Err` listing them. */
export function checkOneOf<T extends string>(Err: ErrorClass, key: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) throw new Err(key, value, `one of ${allowed.join(', ')}`);
  return value as T;
}

/**
 * Throws `Err` for the first own key of `input` that is not in `known`, so a
 * misspelt setting (`maxage`) fails loudly instead of silently using the
 * default. `prefix` names a nested object (`kalman.`).
 */
export function rejectUnknownKeys(Err: ErrorClass, input: object | undefined, known: readonly string[], prefix = ''): void {
  for (const [key, value] of Object.entries(input ?? {})) {
    if (!known.includes(key)) throw new Err(`${prefix}${key}`, value, `no such setting; known settings: ${known.join(', ')}`);
  }
}
