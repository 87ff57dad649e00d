/**
 * Large-frame policy. Any resolution the browser can decode is accepted, but
 * frames whose longer side exceeds MAX_INFERENCE_LONG_SIDE are flagged
 * (`needsDownscale`): the detectors take 512x512 input anyway, and copying a
 * 4K/8K frame to the GPU or a worker every step costs far more than it gains.
 * 1920 keeps 1080p (the common phone/camera size) untouched.
 */
export const MAX_INFERENCE_LONG_SIDE = 1920;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Error for a size or limit that is not a positive finite number. */
export class InvalidSizeError extends RangeError {
  override readonly name = 'InvalidSizeError';
  constructor(
    readonly field: string,
    readonly value: number,
  ) {
    super(`${field} is ${value}; expected a positive finite number`);
  }
}

function checkPositive(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new InvalidSizeError(field, value);
}

/** True when `size` is larger than inference needs (longer side > `maxLongSide`). */
export function needsDownscale(size: Size, maxLongSide = MAX_INFERENCE_LONG_SIDE): boolean {
  checkPositive('maxLongSide', maxLongSide);
  return Math.max(size.width, size.height) > maxLongSide;
}

/**
 * The size frames should be scaled to before inference: the same aspect
 * ratio with the longer side at most `maxLongSide`, both sides even (video
 * and canvas paths prefer even sizes) and at least 2. Returns `size`
 * unchanged when no downscale is needed.
 */
export function inferenceSize(size: Size, maxLongSide = MAX_INFERENCE_LONG_SIDE): Size {
  checkPositive('width', size.width);
  checkPositive('height', size.height);
  if (!needsDownscale(size, maxLongSide)) return { width: size.width, height: size.height };
  const scale = maxLongSide / Math.max(size.width, size.height);
  const even = (v: number): number => Math.max(2, 2 * Math.round((v * scale) / 2));
  return { width: even(size.width), height: even(size.height) };
}
