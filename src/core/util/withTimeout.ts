/** Error raised when a time-boxed operation does not settle in time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} did not finish within ${ms} ms`);
  }
}

/**
 * Resolves with `promise`, or rejects with `TimeoutError` after `ms`.
 * The timer is cleared on every path. The underlying work is not cancelled
 * (a GPU compile cannot be), so callers must treat a timed-out resource as
 * unusable.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
