/** Thrown when an imported model does not fit the place it is loaded into. */
export class ModelValidationError extends Error {
  override readonly name = 'ModelValidationError';
  constructor(
    message: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${message}: expected ${expected}, got ${actual}`);
  }
}
