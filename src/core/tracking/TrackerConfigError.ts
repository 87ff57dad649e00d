/** Thrown by `validateTrackerConfig` for a value outside its allowed range. */
export class TrackerConfigError extends Error {
  override readonly name = 'TrackerConfigError';

  constructor(
    /** Config key, e.g. `nInit`. */
    readonly key: string,
    /** The rejected value. */
    readonly value: unknown,
    /** Human-readable allowed range, e.g. `an integer in [1, 100]`. */
    readonly allowed: string,
  ) {
    super(`Invalid tracker config: ${key} = ${JSON.stringify(value)}; expected ${allowed}.`);
  }
}
