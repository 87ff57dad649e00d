/**
 * Person-segmentation settings: which model, the mask threshold the renderer
 * uses, and how often the model runs in a live loop. Validated like the
 * detector config (defaults filled, copy returned, errors name the value).
 */
import { ConfigValueError, rejectUnknownKeys } from '../util/configValue.ts';

/** Registry names of the segmentation models (models/manifest.json). */
export const SEGMENTATION_MODELS = ['selfie', 'meet'] as const;
export type SegmentationModelName = (typeof SEGMENTATION_MODELS)[number];

export interface SegmenterConfig {
  readonly model: SegmentationModelName;
  /** Mask probability at or above which a pixel counts as person, in [0, 1]. */
  readonly threshold: number;
  /** Run the model on every `cadence`-th frame and reuse the last mask in between (integer ≥ 1). */
  readonly cadence: number;
}

/**
 * `meet`, measured on astronaut.png with CenterNet's person box (wasm, Node):
 * meet mean inside 0.506 / outside 0.054, ~17 ms; selfie inside 0.670 but
 * outside 0.252 (it lights up the shuttle and flag), ~19 ms. Outside-box
 * leakage is what spoils per-track colouring, so meet wins.
 */
export const DEFAULT_SEGMENTER_CONFIG: SegmenterConfig = Object.freeze({
  model: 'meet',
  threshold: 0.5,
  cadence: 2,
});

export class SegmenterConfigError extends ConfigValueError {
  override readonly name = 'SegmenterConfigError';
}

/** Fills defaults, validates and returns a copy; throws `SegmenterConfigError`. */
export function validateSegmenterConfig(input: Partial<SegmenterConfig> = {}): SegmenterConfig {
  rejectUnknownKeys(SegmenterConfigError, input, Object.keys(DEFAULT_SEGMENTER_CONFIG));
  const c = { ...DEFAULT_SEGMENTER_CONFIG, ...input };
  if (!SEGMENTATION_MODELS.includes(c.model)) {
    throw new SegmenterConfigError('model', c.model, `one of ${SEGMENTATION_MODELS.join(', ')}`);
  }
  if (typeof c.threshold !== 'number' || !(c.threshold >= 0 && c.threshold <= 1)) {
    throw new SegmenterConfigError('threshold', c.threshold, 'a number in [0, 1]');
  }
  if (!Number.isInteger(c.cadence) || c.cadence < 1 || c.cadence > 1000) {
    throw new SegmenterConfigError('cadence', c.cadence, 'an integer in [1, 1000]');
  }
  return { model: c.model, threshold: c.threshold, cadence: c.cadence };
}
