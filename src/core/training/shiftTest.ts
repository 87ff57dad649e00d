/**
 * "Why CNNs: the shift test" without any framework: shift a batch of
 * single-channel images by whole pixels (zero fill) and sweep a classifier's
 * accuracy over shifts 0..maxShift. A dense network sees a shifted digit as a
 * different vector; convolution and pooling make a CNN more tolerant of it.
 */

export const SHIFT_DIRECTIONS = ['all', 'right', 'left', 'down', 'up'] as const;
/** 'all': the mean over the four directions. */
export type ShiftDirection = (typeof SHIFT_DIRECTIONS)[number];

/**
 * The slider's range. MNIST centres each digit's 20×20 box in 28×28 (LeCun et
 * al. 1998), so 4 px moves the ink to the border and 8 px cuts part of it off.
 */
export const MAX_SHIFT = 8;

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`${name} is ${v}; allowed: integer ${lo}..${hi}`);
}

/**
 * `count` row-major height×width images moved `dx` pixels right and `dy` down
 * (negative: left/up); pixels moved in from outside are 0. Returns a new array.
 */
export function shiftImages(pixels: Float32Array, count: number, height: number, width: number, dx: number, dy: number): Float32Array {
  if (pixels.length !== count * height * width)
    throw new RangeError(`pixels has ${pixels.length} values; expected count × height × width = ${count * height * width}`);
  checkInt('dx', dx, -1e6, 1e6); // beyond the image: all zeros
  checkInt('dy', dy, -1e6, 1e6);
  const out = new Float32Array(pixels.length);
  const size = height * width;
  for (let n = 0; n < count; n++) {
    for (let y = Math.max(0, dy); y < Math.min(height, height + dy); y++) {
      const src = n * size + (y - dy) * width;
      const dst = n * size + y * width;
      for (let x = Math.max(0, dx); x < Math.min(width, width + dx); x++) out[dst + x] = pixels[src + x - dx];
    }
  }
  return out;
}

/** The (dx, dy) offsets that make up "shift by n in `direction`" (one for n = 0). */
export function shiftOffsets(direction: ShiftDirection, n: number): [number, number][] {
  checkInt('shift', n, 0, 1000);
  if (!SHIFT_DIRECTIONS.includes(direction))
    throw new RangeError(`direction is ${JSON.stringify(direction)}; allowed: ${SHIFT_DIRECTIONS.join(', ')}`);
  if (n === 0) return [[0, 0]];
  const all: Record<Exclude<ShiftDirection, 'all'>, [number, number]> = { right: [n, 0], left: [-n, 0], down: [0, n], up: [0, -n] };
  return direction === 'all' ? Object.values(all) : [all[direction]];
}

/** Fraction of `predicted` equal to `labels`. */
export function accuracyOf(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (predicted.length !== labels.length) throw new RangeError(`${predicted.length} predictions for ${labels.length} labels`);
  if (labels.length === 0) return NaN;
  let hits = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) hits++;
  return hits / labels.length;
}

/** Predicted classes of `count` images (row-major, one channel). */
export type Classify = (pixels: Float32Array, count: number) => Promise<ArrayLike<number>>;

export interface ShiftSweep {
  height: number;
  width: number;
  maxShift: number;
  direction: ShiftDirection;
}

/** Accuracy at shift 0, 1, …, maxShift (for 'all', the mean over the four directions). */
export async function accuracyVsShift(
  classify: Classify,
  pixels: Float32Array,
  labels: ArrayLike<number>,
  s: ShiftSweep,
): Promise<number[]> {
  checkInt('maxShift', s.maxShift, 0, Math.max(s.height, s.width));
  const count = labels.length;
  const out: number[] = [];
  for (let n = 0; n <= s.maxShift; n++) {
    const offsets = shiftOffsets(s.direction, n);
    let sum = 0;
    for (const [dx, dy] of offsets) sum += accuracyOf(await classify(shiftImages(pixels, count, s.height, s.width, dx, dy), count), labels);
    out.push(sum / offsets.length);
  }
  return out;
}
