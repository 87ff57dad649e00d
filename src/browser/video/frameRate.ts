import type { FrameRateInfo } from './types';

/**
 * Interval spread that still counts as constant frame rate. Containers store
 * timestamps on a grid (WebM: 1 ms by default), so a 30 fps WebM alternates
 * 33 ms and 34 ms gaps; that is rounding, not VFR. A stream is variable only
 * when the largest and smallest gap differ by more than BOTH bounds.
 */
export const VFR_ABSOLUTE_TOLERANCE_US = 1_500;
export const VFR_RELATIVE_TOLERANCE = 0.05;

/** Rates measured by the demuxer over a prefix of the stream (fps). */
export interface MeasuredRates {
  readonly bestGuessFps: number;
  readonly medianFps: number;
  readonly minFps: number;
  readonly maxFps: number;
  readonly probedFrames: number;
}

/** True when gaps of `minIntervalUs`..`maxIntervalUs` around `medianIntervalUs` mean VFR. */
export function isVariableInterval(minIntervalUs: number, maxIntervalUs: number, medianIntervalUs: number): boolean {
  const spread = maxIntervalUs - minIntervalUs;
  return spread > VFR_ABSOLUTE_TOLERANCE_US && spread > VFR_RELATIVE_TOLERANCE * medianIntervalUs;
}

/** Turns measured rates into the FrameRateInfo reported in VideoMetadata. */
export function classifyFrameRate(rates: MeasuredRates): FrameRateInfo {
  const usable = rates.probedFrames >= 3 && rates.minFps > 0 && rates.maxFps > 0 && rates.medianFps > 0;
  const isVariable = usable && isVariableInterval(1e6 / rates.maxFps, 1e6 / rates.minFps, 1e6 / rates.medianFps);
  return {
    fps: rates.bestGuessFps,
    isVariable,
    minFps: rates.minFps,
    maxFps: rates.maxFps,
    probedFrames: rates.probedFrames,
  };
}
