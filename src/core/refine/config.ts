import { checkNumber } from '../util/configValue.ts';
import { RefineConfigError } from './RefineConfigError.ts';

/**
 * Offline refinement after the online pass: tracklet linking, then
 * Gaussian-smoothed interpolation (GSI). Durations are in seconds and scaled
 * by the frame rate, like the tracker's `TimeSettings`. No learned model.
 */
export interface RefineConfig {
  /** Join tracklets of one object across gaps (global assignment). */
  link: boolean;
  /**
   * Link only tracklets that both have embeddings. Motion alone is
   * ambiguous: on MOT15 (det.txt, no appearance) 58 of 74 motion-only links
   * joined two different people and IDF1 fell 52.5 → 49.9 (bench:tracker --ablation).
   */
  linkRequiresAppearance: boolean;
  /**
   * Gaps between two tracklets that may be joined, seconds. Below the
   * minimum the online tracker still held the first track (its maxAge) and
   * chose not to match: evidence of two objects, so only longer gaps are linked.
   */
  minLinkGapSeconds: number;
  maxLinkGapSeconds: number;
  /**
   * Motion gate: the two tracklets' positions extrapolated to the middle of
   * the gap may differ by at most base + perSecond · gap, in box heights.
   */
  linkBaseDistance: number;
  linkDistancePerSecond: number;
  /** Largest ratio of the box heights at the two ends of a gap. */
  linkMaxHeightRatio: number;
  /** Appearance gate: cosine distance of the tracklets' mean embeddings. */
  linkMaxCosineDistance: number;
  /** Weight of the motion cost against appearance when both tracklets have embeddings. */
  linkMotionWeight: number;
  /** Seconds of each tracklet's end used to estimate its velocity. */
  velocityWindowSeconds: number;
  /** Drop tracks (after linking) with boxes on fewer than this many seconds of frames: most are false positives. */
  minTrackSeconds: number;
  /** Fill gaps of at most this many seconds with interpolated boxes. */
  interpolate: boolean;
  maxInterpolateSeconds: number;
  /** Smooth each track's boxes with a Gaussian kernel (GSI's smoothing step). */
  smooth: boolean;
  /** StrongSORT's τ, in seconds: the kernel length scale is τ·ln(τ³/n) clipped to [1/τ, τ²] (τ, n in frames). */
  smoothTauSeconds: number;
}

/**
 * Defaults. Sources: StrongSORT (Du et al., 2023, arXiv:2202.13514) —
 * GSI interpolates gaps up to 20 frames with τ = 10 (≈ 0.7 s and 0.33 s at
 * MOT17's 30 fps); its AFLink joins tracklets up to 30 frames apart.
 * - Linking starts where the online tracker gives up (its maxAge, 1 s:
 *   `DEFAULT_TIME_SETTINGS`) and reaches 2.5 s, for occlusions; the motion
 *   gate widens with the gap, and appearance gates separately at deep_sort's
 *   0.2 (the tracker's `maxCosineDistance`).
 * - Interpolation covers the tracker's own gap-fill time (0.5 s), so it
 *   fills what linking and the tracker leave alike.
 * - τ = 0.25 s: MOT15 (motion only) MOTA 40.7 → 41.8 with smoothing; 0.2 s
 *   gives 41.6, 0.3 s 41.1, 0.4 s 37.5 (strong smoothing of short tracks).
 */
export const DEFAULT_REFINE_CONFIG: Readonly<RefineConfig> = Object.freeze({
  link: true,
  linkRequiresAppearance: true,
  minLinkGapSeconds: 1,
  maxLinkGapSeconds: 2.5,
  linkBaseDistance: 0.5,
  linkDistancePerSecond: 0.5,
  linkMaxHeightRatio: 1.5,
  linkMaxCosineDistance: 0.2,
  linkMotionWeight: 0.5,
  velocityWindowSeconds: 0.5,
  minTrackSeconds: 0,
  interpolate: true,
  maxInterpolateSeconds: 0.5,
  smooth: true,
  smoothTauSeconds: 0.25,
});

function checkBoolean(key: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new RefineConfigError(key, value, 'true or false');
  return value;
}

/** Merges `input` over the defaults and checks every value; throws `RefineConfigError` naming the bad one. */
export function validateRefineConfig(input: Partial<RefineConfig> = {}): RefineConfig {
  const c = { ...DEFAULT_REFINE_CONFIG, ...input };
  const num = (key: keyof RefineConfig, min: number, max: number) => checkNumber(RefineConfigError, key, c[key], min, max);
  return {
    link: checkBoolean('link', c.link),
    linkRequiresAppearance: checkBoolean('linkRequiresAppearance', c.linkRequiresAppearance),
    minLinkGapSeconds: num('minLinkGapSeconds', 0, 3600),
    maxLinkGapSeconds: num('maxLinkGapSeconds', 0, 3600),
    linkBaseDistance: num('linkBaseDistance', 0, 100),
    linkDistancePerSecond: num('linkDistancePerSecond', 0, 100),
    linkMaxHeightRatio: num('linkMaxHeightRatio', 1, 100),
    linkMaxCosineDistance: num('linkMaxCosineDistance', 0, 2),
    linkMotionWeight: num('linkMotionWeight', 0, 1),
    velocityWindowSeconds: num('velocityWindowSeconds', 0, 60),
    minTrackSeconds: num('minTrackSeconds', 0, 3600),
    interpolate: checkBoolean('interpolate', c.interpolate),
    maxInterpolateSeconds: num('maxInterpolateSeconds', 0, 3600),
    smooth: checkBoolean('smooth', c.smooth),
    smoothTauSeconds: num('smoothTauSeconds', Number.MIN_VALUE, 60),
  };
}
