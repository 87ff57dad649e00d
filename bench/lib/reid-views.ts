/**
 * Accuracy mode rows for `npm run bench:reid`: the detector on the plain
 * frame, or as `MultiViewDetector` (2×2 overlapping tiles; tiles + mirror)
 * with the accuracy defaults of `npm run track -- --accuracy on`.
 */
import type { AccuracyConfig } from '../../src/core/detection/accuracyConfig.ts';

export const VIEW_MODES = ['plain', 'tiles', 'tiles+mirror'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** Overrides of `DEFAULT_ACCURACY_CONFIG` (2×2 tiles, quarter overlap, max fusion) per mode; null = the plain detector. */
export const VIEW_CONFIGS: Readonly<Record<ViewMode, Partial<AccuracyConfig> | null>> = {
  plain: null,
  tiles: {},
  'tiles+mirror': { flip: true },
};

/** The modes to run, the plain detector first: it is the baseline of the cost multiple. */
export function withPlainFirst(modes: readonly ViewMode[]): ViewMode[] {
  return ['plain', ...modes.filter((m) => m !== 'plain')];
}
