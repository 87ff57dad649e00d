/**
 * Settings of the between-detection motion step (median flow on pyramidal
 * Lucas–Kanade). Defaults follow Kalal et al., "Forward-Backward Error:
 * Automatic Detection of Tracking Failures" (ICPR 2010) and OpenCV's
 * `TrackerMedianFlow` where they fit the 3 ms budget for 10 tracks at
 * 640x480 (see `npm run bench:flow`).
 */
import { checkNumber } from '../util/configValue.ts';
import { MotionConfigError } from './MotionConfigError.ts';

export interface MotionConfig {
  /** Points per box side: a gridSize² grid inside the box (MedianFlow uses 10). */
  gridSize: number;
  /** Pyramid levels, level 0 included. */
  levels: number;
  /** LK window half-size (pixels at each level). */
  windowRadius: number;
  /** LK Gauss–Newton iterations per level at most. */
  maxIterations: number;
  /** LK stops a level when the update is below this many pixels. */
  epsilon: number;
  /** LK minimum gradient-matrix eigenvalue per window pixel (OpenCV's default is 1e-4 on 0..1 images, ~6.5 on 0..255). */
  minEigen: number;
  /** A measurement is reliable only if the median forward–backward error is at most this many pixels. */
  maxForwardBackwardError: number;
  /** ...and at least this fraction of the grid points was tracked both ways. */
  minTrackedFraction: number;
  /** Also measure the box's scale change (median ratio of point distances). */
  estimateScale: boolean;
  /**
   * Measurement std of a flow observation as a multiple of a detection's
   * (the Kalman filter's `stdWeightPosition x height`): > 1 trusts
   * detections more than flow.
   */
  noiseScale: number;
  /**
   * Also correct the Kalman state with each reliable measurement (std
   * `noiseScale` x a detection's), not only move the drawn box. Off: on
   * vtest at --every 4 (re-tracked from one detection cache, scored against
   * the every-frame run) the correction shrank the filter's covariance and
   * its gate, and identity agreement fell, IDF1 71.1 → 58.8 (noiseScale 10:
   * 65.2), while drawing the measured boxes alone raised MOTA 84.4 → 87.6.
   */
  correctKalman: boolean;
}

export const DEFAULT_MOTION_CONFIG: Readonly<MotionConfig> = Object.freeze({
  gridSize: 6,
  levels: 3,
  windowRadius: 3,
  maxIterations: 10,
  epsilon: 0.03,
  minEigen: 6.5,
  maxForwardBackwardError: 1,
  minTrackedFraction: 0.25,
  estimateScale: true,
  noiseScale: 2,
  correctKalman: false,
});

/** Merges `input` over the defaults and checks each value; throws `MotionConfigError` naming the bad one. */
export function validateMotionConfig(input: Partial<MotionConfig> = {}): MotionConfig {
  const c = { ...DEFAULT_MOTION_CONFIG, ...input };
  const num = (key: keyof MotionConfig, min: number, max: number, integer = false) =>
    checkNumber(MotionConfigError, key, c[key], min, max, integer);
  for (const key of ['estimateScale', 'correctKalman'] as const) {
    if (typeof c[key] !== 'boolean') throw new MotionConfigError(key, c[key], 'true or false');
  }
  return {
    gridSize: num('gridSize', 2, 32, true),
    levels: num('levels', 1, 8, true),
    windowRadius: num('windowRadius', 1, 15, true),
    maxIterations: num('maxIterations', 1, 100, true),
    epsilon: num('epsilon', 1e-6, 1),
    minEigen: num('minEigen', 0, 1e6),
    maxForwardBackwardError: num('maxForwardBackwardError', 1e-3, 100),
    minTrackedFraction: num('minTrackedFraction', 0, 1),
    estimateScale: c.estimateScale,
    noiseScale: num('noiseScale', 1e-3, 1e3),
    correctKalman: c.correctKalman,
  };
}
