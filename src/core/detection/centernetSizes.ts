/**
 * CenterNet's input-size ladder. 512 is the packaged graph; the smaller sizes
 * are the same weights with the input-size constants rewritten at install time
 * (`derive` in models/manifest.json, see scripts/install-models.mjs). Each must
 * be a multiple of 32, the backbone's output stride.
 */
export const CENTERNET_INPUT_SIZES = [512, 384, 320, 256] as const;
export type CenterNetInputSize = (typeof CENTERNET_INPUT_SIZES)[number];
export const DEFAULT_CENTERNET_INPUT_SIZE: CenterNetInputSize = 512;

/** Throws a RangeError naming the bad value unless `size` is on the ladder. */
export function validateCenterNetInputSize(size: unknown): CenterNetInputSize {
  if (!CENTERNET_INPUT_SIZES.includes(size as CenterNetInputSize)) {
    throw new RangeError(`inputSize is ${JSON.stringify(size)}; allowed: ${CENTERNET_INPUT_SIZES.join(', ')}`);
  }
  return size as CenterNetInputSize;
}

/** The manifest name of CenterNet at `size` ('centernet' at 512, else 'centernet-<size>'). */
export function centerNetModelName(size: CenterNetInputSize): string {
  return size === DEFAULT_CENTERNET_INPUT_SIZE ? 'centernet' : `centernet-${size}`;
}
