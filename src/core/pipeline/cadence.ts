/**
 * Detection cadence: run the detector on every k-th frame and let the Kalman
 * prediction carry the boxes in between. `auto` detects whenever the detector
 * is free, which makes k the detection time over the frame interval, rounded
 * up, so the detector keeps up with the source without a queue.
 */
export type CadenceSetting = 'auto' | number;

export const MAX_CADENCE = 30;

/**
 * Weight of the newest sample in the smoothed cadence and latency the HUD
 * shows (an exponential moving average over about five detections).
 */
export const CADENCE_SMOOTHING = 0.2;

export function validateCadence(value: CadenceSetting): CadenceSetting {
  if (value === 'auto') return value;
  if (!Number.isInteger(value) || value < 1 || value > MAX_CADENCE) {
    throw new RangeError(`detectEvery is ${String(value)}; expected 'auto' or an integer in [1, ${MAX_CADENCE}]`);
  }
  return value;
}

/** k for `auto`: ceil(detection ms / frame interval ms), clamped to [1, MAX_CADENCE]. */
export function autoCadence(detectMs: number, frameIntervalMs: number): number {
  if (!(detectMs > 0) || !(frameIntervalMs > 0)) return 1;
  return Math.min(MAX_CADENCE, Math.max(1, Math.ceil(detectMs / frameIntervalMs)));
}

/** Frames per tracker update the tracker's time settings assume for a setting and a detection time. */
export function expectedCadence(setting: CadenceSetting, detectMs: number, frameRate: number): number {
  return setting === 'auto' ? autoCadence(detectMs, 1000 / frameRate) : Math.max(setting, autoCadence(detectMs, 1000 / frameRate));
}

/** Exponential moving average; the first sample starts it. */
export function smooth(previous: number | null, sample: number): number {
  return previous === null ? sample : (1 - CADENCE_SMOOTHING) * previous + CADENCE_SMOOTHING * sample;
}
