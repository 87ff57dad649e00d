/**
 * Shared pieces of the `validate…Config()` functions: one error shape that
 * names the key, the rejected value and the allowed range, and a numeric
 * range check. Each module subclasses the error so callers can tell them apart.
 */
export class ConfigValueError extends RangeError {
  constructor(
    /** Config key, e.g. `threshold`. */
    readonly key: string,
    /** The rejected value. */
    readonly value: unknown,
    /** Human-readable allowed values, e.g. `an integer in [1, 100]`. */
    readonly allowed: string,
  ) {
    super(`${key} is ${JSON.stringify(value)}; expected ${allowed}`);
  }
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
