/** A track as shown once the custom head has labelled it (both fields absent when it has not). */
export interface CustomTrackLabel {
  /** The user's class name, after smoothing; absent below the smoother's minimum score. */
  readonly customLabel?: string;
  /** Smoothed probability of `customLabel`, [0, 1]. */
  readonly customScore?: number;
}
