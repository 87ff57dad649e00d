/**
 * Input size and detection cadence, chosen together for a live stream.
 *
 * A smaller CenterNet input is faster (fewer frames skipped) but shrinks every
 * person by the same factor; once a person is only a few heatmap cells tall
 * the detector misses them. So: among the ladder sizes at which the smallest
 * tracked person stays at least MIN_PERSON_MODEL_PX tall, take the one with
 * the fewest skipped frames, and of those the largest. Where people are large
 * this lowers resolution before it skips frames; where they are small only
 * the full size qualifies and the cadence grows instead.
 */
import { CENTERNET_INPUT_SIZES, type CenterNetInputSize } from '../detection/centernetSizes.ts';
import { autoCadence, MAX_CADENCE } from './cadence.ts';

/**
 * Smallest person height, in model-input pixels, that a ladder size must keep.
 * COCO counts objects under 32² px as "small", where detectors' recall drops
 * sharply; a standing person of height h is about h/2.5 wide, so 48 px tall
 * keeps the box near that 32² area (and 12 cells of CenterNet's stride-4 heatmap).
 */
export const MIN_PERSON_MODEL_PX = 48;

export type InputSizeSetting = 'auto' | CenterNetInputSize;

export interface InputSizeRequest {
  /** Measured (smoothed) detection ms per ladder size; missing sizes are estimated from the others by input area. */
  readonly detectMs: Partial<Readonly<Record<CenterNetInputSize, number>>>;
  /** Source frame interval, ms (100 at 10 fps). */
  readonly frameIntervalMs: number;
  /** Height in source pixels of the smallest tracked person (e.g. a low quantile), or null when nobody is tracked. */
  readonly smallPersonPx: number | null;
  /** The source frame's longer side, px: letterboxing scales it to the input size. */
  readonly sourceLongSidePx: number;
  /** User override of the input size ('auto' = choose). */
  readonly inputSize?: InputSizeSetting;
  /** User override of the cadence: 'auto', or a fixed k (detect every k-th frame, a minimum like the runner's). */
  readonly cadence?: 'auto' | number;
}

export interface InputSizeChoice {
  readonly inputSize: CenterNetInputSize;
  /** Frames per detection (1 = every frame). */
  readonly cadence: number;
}

/** Detection ms at `size`: measured, else scaled from the nearest measured size by input area (conv cost ∝ pixels). */
export function estimateDetectMs(detectMs: InputSizeRequest['detectMs'], size: CenterNetInputSize): number | null {
  const measured = detectMs[size];
  if (measured !== undefined && measured > 0) return measured;
  let best: CenterNetInputSize | null = null;
  for (const s of CENTERNET_INPUT_SIZES) {
    const ms = detectMs[s];
    if (ms !== undefined && ms > 0 && (best === null || Math.abs(s - size) < Math.abs(best - size))) best = s;
  }
  return best === null ? null : detectMs[best]! * (size / best) ** 2;
}

/** Picks the input size and cadence (see the file comment). Pure. */
export function chooseInputSize(request: InputSizeRequest): InputSizeChoice {
  const { frameIntervalMs, smallPersonPx, sourceLongSidePx, inputSize = 'auto', cadence = 'auto' } = request;
  const largest = CENTERNET_INPUT_SIZES[0];
  const keepsPeople = (size: CenterNetInputSize) =>
    smallPersonPx === null ? size === largest : (smallPersonPx * size) / sourceLongSidePx >= MIN_PERSON_MODEL_PX;
  let sizes: CenterNetInputSize[] = inputSize === 'auto' ? CENTERNET_INPUT_SIZES.filter(keepsPeople) : [inputSize];
  if (sizes.length === 0) sizes = [largest];
  const cadenceAt = (size: CenterNetInputSize) => {
    const ms = estimateDetectMs(request.detectMs, size);
    const need = ms === null ? 1 : autoCadence(ms, frameIntervalMs);
    return Math.min(MAX_CADENCE, cadence === 'auto' ? need : Math.max(cadence, need));
  };
  let best: InputSizeChoice | null = null;
  for (const size of sizes) {
    const k = cadenceAt(size);
    // Fewest skipped frames first; on a tie the larger size (sizes run largest first).
    const better = best === null || k < best.cadence;
    if (better) best = { inputSize: size, cadence: k };
  }
  return best!;
}
