/**
 * The live stream's input-size controller: keeps the smoothed detection time
 * of each ladder size it has run, reads the tracked people's heights, and asks
 * `chooseInputSize` for the input size and cadence after every detection.
 */
import type { CenterNetInputSize } from '../detection/centernetSizes.ts';
import type { Tlwh } from '../geometry/boxes.ts';
import { chooseInputSize, type InputSizeChoice, type InputSizeSetting } from './inputSize.ts';

/** The person height the controller protects: the 20th percentile of tracked heights (the small ones, not one outlier). */
export const SMALL_PERSON_QUANTILE = 0.2;
/** Weight of the newest detection time in the per-size average. */
const SMOOTHING = 0.3;

/** The SMALL_PERSON_QUANTILE of `values` (nearest rank), or null when empty. */
function lowQuantile(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(SMALL_PERSON_QUANTILE * (sorted.length - 1))];
}

export class InputSizeController {
  readonly #detectMs: Partial<Record<CenterNetInputSize, number>> = {};

  constructor(
    public inputSize: InputSizeSetting = 'auto',
    public cadence: 'auto' | number = 'auto',
  ) {}

  /** After a detection at `size` that took `detectMs`: the size and cadence to use next. */
  observe(
    size: CenterNetInputSize,
    detectMs: number,
    boxes: readonly Tlwh[],
    frame: { width: number; height: number },
    frameIntervalMs: number,
  ): InputSizeChoice {
    const old = this.#detectMs[size];
    this.#detectMs[size] = old === undefined ? detectMs : (1 - SMOOTHING) * old + SMOOTHING * detectMs;
    return chooseInputSize({
      detectMs: this.#detectMs,
      frameIntervalMs,
      smallPersonPx: lowQuantile(boxes.map((b) => b[3])),
      sourceLongSidePx: Math.max(frame.width, frame.height),
      inputSize: this.inputSize,
      cadence: this.cadence,
    });
  }
}
