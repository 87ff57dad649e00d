/** A model file is missing, has the wrong size or the wrong sha256. */
export class ModelIntegrityError extends Error {
  override readonly name = 'ModelIntegrityError';

  constructor(
    /** The file as the source names it (a path or URL). */
    readonly file: string,
    /** What is wrong, e.g. "is missing" or "has 12 bytes, expected 34". */
    readonly problem: string,
    /** How to fix it, e.g. "run `npm run models:install`". */
    readonly fix: string,
  ) {
    super(`${file} ${problem}; ${fix}`);
  }
}
