/** Fixed-size window of samples with order statistics (median, p95). */
export class RollingWindow {
  readonly #values: Float64Array;
  #count = 0;
  #next = 0;

  constructor(readonly size = 60) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${size}`);
    this.#values = new Float64Array(size);
  }

  push(value: number): void {
    this.#values[this.#next] = value;
    this.#next = (this.#next + 1) % this.size;
    this.#count = Math.min(this.#count + 1, this.size);
  }

  get count(): number {
    return this.#count;
  }

  /** Quantile q in [0, 1] (nearest rank); NaN when empty. */
  quantile(q: number): number {
    if (this.#count === 0) return Number.NaN;
    const sorted = this.#values.slice(0, this.#count).sort();
    return sorted[Math.min(this.#count - 1, Math.max(0, Math.ceil(q * this.#count) - 1))];
  }

  get median(): number {
    return this.quantile(0.5);
  }

  get p95(): number {
    return this.quantile(0.95);
  }

  clear(): void {
    this.#count = 0;
    this.#next = 0;
  }
}

/** Events per second over a sliding time window (e.g. processed frames). */
export class RateMeter {
  readonly #stamps: number[] = [];

  constructor(readonly windowMs = 2000) {}

  tick(nowMs: number): void {
    this.#stamps.push(nowMs);
    while (this.#stamps.length > 0 && nowMs - this.#stamps[0] > this.windowMs) this.#stamps.shift();
  }

  /** Rate in events per second; 0 until two events are seen. */
  rate(): number {
    const n = this.#stamps.length;
    if (n < 2) return 0;
    const span = this.#stamps[n - 1] - this.#stamps[0];
    return span > 0 ? ((n - 1) * 1000) / span : 0;
  }
}

/**
 * Names of the per-frame pipeline stages shown in the HUD and benchmarks.
 * `motion` is the live page's pixel-motion step, timed on every drawn camera
 * frame (the others on detected frames): its own work on the page, that is
 * the frame's grayscale and the boxes measured on it, with at most
 * `MOTION_CATCH_UP_STEPS` frames of a new result's catch-up. `copy-wait` is
 * the time the step waited for the browser's `VideoFrame.copyTo`, kept apart
 * because the page is free meanwhile (the frame is drawn after it).
 */
export const STAGES = [
  'capture',
  'preprocess',
  'inference',
  'postprocess',
  'embed',
  'track',
  'segment',
  'motion',
  'copy-wait',
  'render',
] as const;
export type Stage = (typeof STAGES)[number];
export type StageSample = Record<Stage, number>;

/** One rolling window per stage. */
export class StageStats {
  readonly windows = Object.fromEntries(STAGES.map((s) => [s, new RollingWindow(60)])) as Record<Stage, RollingWindow>;

  push(sample: Partial<StageSample>): void {
    for (const s of STAGES) {
      const v = sample[s];
      if (v !== undefined && Number.isFinite(v)) this.windows[s].push(v);
    }
  }

  summary(): Record<Stage, { median: number; p95: number }> {
    return Object.fromEntries(STAGES.map((s) => [s, { median: this.windows[s].median, p95: this.windows[s].p95 }])) as Record<
      Stage,
      { median: number; p95: number }
    >;
  }
}
