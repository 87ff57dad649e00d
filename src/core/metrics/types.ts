import type { HotaCounts } from './hota.ts';

/**
 * Additive counts for one sequence (or summed over several). Everything in
 * `MotMetrics` that is a ratio is recomputed from these.
 */
export interface MotCounts {
  readonly numFrames: number;
  /** Ground-truth boxes evaluated (py-motmetrics `num_objects`). */
  readonly numGt: number;
  /** Result boxes evaluated (py-motmetrics `num_predictions`). */
  readonly numPredictions: number;
  /** MATCH events, i.e. matches that are not identity switches (py-motmetrics `num_matches`). */
  readonly numMatches: number;
  /** MATCH + SWITCH events: every matched gt box (py-motmetrics `num_detections`). */
  readonly numDetections: number;
  readonly FP: number;
  readonly FN: number;
  readonly IDSW: number;
  readonly fragmentations: number;
  /** Distinct gt ids (py-motmetrics `num_unique_objects`). */
  readonly numUniqueObjects: number;
  /** Mostly tracked: gt ids matched in more than 80% of their frames (devkit rule). */
  readonly MT: number;
  /** Partially tracked: 20% <= matched share <= 80%. */
  readonly PT: number;
  /** Mostly lost: matched in < 20% of their frames. */
  readonly ML: number;
  /** Sum of `1 - IoU` over all matched pairs. */
  readonly distanceSum: number;
  readonly idtp: number;
  readonly idfp: number;
  readonly idfn: number;
  /** Per-alpha HOTA counts (TrackEval), for combining sequences. */
  readonly hota: HotaCounts;
}

/**
 * Metrics for one sequence or an overall row. Ratios are fractions (0..1);
 * a ratio whose denominator is 0 is NaN (py-motmetrics' quiet_divide).
 */
export interface MotMetrics extends MotCounts {
  readonly recall: number;
  readonly precision: number;
  readonly MOTA: number;
  /**
   * py-motmetrics convention: mean distance `1 - IoU` over matched pairs
   * (lower is better). MOTChallenge's MOTP% is `(1 - MOTP) * 100`.
   */
  readonly MOTP: number;
  readonly IDF1: number;
  readonly IDP: number;
  readonly IDR: number;
  /** TrackEval HOTA, DetA, AssA, LocA averaged over the 19 alphas. */
  readonly HOTA: number;
  readonly DetA: number;
  readonly AssA: number;
  readonly LocA: number;
}

export interface EvaluateOptions {
  /** Minimum IoU for a gt/result pair to match (inclusive). Default 0.5. */
  readonly iouThreshold?: number;
  /** Drop gt rows with conf == 0 (MOTChallenge 2D MOT 2015 "ignore" rows). Default false. */
  readonly dropZeroConfGt?: boolean;
}
