/**
 * Accuracy mode: the detector runs on several views of one frame (the full
 * frame, overlapping tiles, a mirrored copy) and their detections are merged
 * (`mergeViews.ts`). Offline only: it multiplies the detector's cost.
 */
import { ConfigValueError, checkBoolean, checkNumber, checkOneOf, rejectUnknownKeys } from '../util/configValue.ts';

/** How a merged box's score comes from the views that found it. */
export const SCORE_FUSIONS = ['max', 'mean'] as const;
export type ScoreFusion = (typeof SCORE_FUSIONS)[number];

export interface AccuracyConfig {
  /** Tiles per side (n × n tiles besides the full frame); 1 = no tiles. An integer in [1, 4]. */
  readonly tiles: number;
  /** Fraction of a tile's width (height) shared with its neighbour, in [0, 0.5]. */
  readonly overlap: number;
  /** Also run on the horizontally mirrored frame. */
  readonly flip: boolean;
  /**
   * `max`: a merged box scores as its best view (what concatenating the views
   * before NMS gives, as YOLOv5's test-time augmentation does); `mean`: the mean
   * of each finding view's best score (WBF's average, without its penalty for
   * views that miss: a tile cannot see what is outside it).
   */
  readonly fusion: ScoreFusion;
  /**
   * A tile's box within this many source pixels of a tile edge inside the
   * frame is cut off by the tile; it is dropped (the neighbouring tile or the
   * full frame sees the whole object). In [0, 64].
   */
  readonly edgeMargin: number;
}

/**
 * 2 × 2 tiles with a quarter overlap: on 768x576 video each tile is 439x329
 * source pixels, so CenterNet's 512² input sees people 1.75× larger than in
 * the full frame. No mirror: on the hand-labelled frames it added nothing to
 * the tiles' recall (at the detector's threshold or at the track-start score)
 * for 1.3× more time. Figures in the README (`npm run bench:accuracy`).
 */
export const DEFAULT_ACCURACY_CONFIG: AccuracyConfig = Object.freeze({
  tiles: 2,
  overlap: 0.25,
  flip: false,
  fusion: 'max',
  edgeMargin: 2,
});

export class AccuracyConfigError extends ConfigValueError {
  override readonly name = 'AccuracyConfigError';
}

const KEYS = ['tiles', 'overlap', 'flip', 'fusion', 'edgeMargin'] as const;

/** Fills defaults, validates and returns a copy; throws `AccuracyConfigError` naming the bad value. */
export function validateAccuracyConfig(config: Partial<AccuracyConfig> = {}): AccuracyConfig {
  rejectUnknownKeys(AccuracyConfigError, config, KEYS);
  const c = { ...DEFAULT_ACCURACY_CONFIG, ...config };
  return {
    tiles: checkNumber(AccuracyConfigError, 'tiles', c.tiles, 1, 4, true),
    overlap: checkNumber(AccuracyConfigError, 'overlap', c.overlap, 0, 0.5),
    flip: checkBoolean(AccuracyConfigError, 'flip', c.flip),
    fusion: checkOneOf(AccuracyConfigError, 'fusion', c.fusion, SCORE_FUSIONS),
    edgeMargin: checkNumber(AccuracyConfigError, 'edgeMargin', c.edgeMargin, 0, 64),
  };
}
