/** A frame passed to `detect()` has an unusable type or shape. */
export class DetectorInputError extends Error {
  override readonly name = 'DetectorInputError';

  constructor(
    message: string,
    /** Shape of the rejected tensor, when the input was a tensor. */
    readonly shape?: readonly number[],
  ) {
    super(message);
  }
}
