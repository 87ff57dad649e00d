/**
 * Detection cadence: run the detector on every k-th frame and let the Kalman
 * prediction carry the boxes in between. `auto` picks the smallest k whose
 * detection time fits in k frame intervals, so the detector keeps up with
 * the source without a queue.
 */
export type CadenceSetting = 'auto' | number;

export const MAX_CADENCE = 30;

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

/** Tracks the detection cost and answers "detect on this frame?". */
export class CadenceController {
  #k = 1;
  #sinceDetect = Number.POSITIVE_INFINITY;
  #detectMs = 0;

  constructor(public setting: CadenceSetting = 'auto') {
    validateCadence(setting);
  }

  /** Current k (frames per detection). */
  get k(): number {
    return this.setting === 'auto' ? this.#k : this.setting;
  }

  /** Frames since the last detection, 0 on a detection frame. */
  get framesSinceDetect(): number {
    return this.#sinceDetect;
  }

  /** Call once per source frame; true when this frame should be detected. */
  shouldDetect(): boolean {
    const since = this.#sinceDetect + 1;
    const detect = since >= this.k;
    this.#sinceDetect = detect ? 0 : since;
    return detect;
  }

  /** Feeds the measured detection time (EMA) and the source frame interval. */
  observe(detectMs: number, frameIntervalMs: number): void {
    this.#detectMs = this.#detectMs === 0 ? detectMs : 0.8 * this.#detectMs + 0.2 * detectMs;
    this.#k = autoCadence(this.#detectMs, frameIntervalMs);
  }
}
