import { smooth, validateCadence, type CadenceSetting } from './cadence.ts';

/** What the overlay shows on one frame: the newest finished result, and how far to carry it. */
export interface ScheduledView<R> {
  result: R;
  /** Source frame the result was detected on. */
  sourceIndex: number;
  /** Tracker updates to carry its tracks forward to this frame (fractions allowed); 0 on its own frame. */
  steps: number;
  /** Frames per tracker update for this result: frame k is `(k - sourceIndex) / gap` steps from it. */
  gap: number;
}

interface Started {
  index: number;
  atMs: number;
  /** Frames since the previous detection started: the tracker's update interval for this result. */
  gap: number;
}

/**
 * The one decision behind every stream: start the detector on this frame or
 * carry the last result, and which result is on screen. The live loop (real
 * clock, results arriving from the worker), the offline runner (a detector
 * that finishes at once) and the `--realtime` simulation (a detector that
 * finishes after its latency on a simulated clock) all drive this class, so
 * the three show the same boxes for the same timings. Pure: time comes in as
 * arguments; nothing here reads a clock.
 *
 * The detector starts on the newest frame whenever it is free and at least
 * `minK` frames have passed since the last start (`auto` = 1).
 */
export class DetectionScheduler<R> {
  readonly minK: number;
  #inFlight: Started | null = null;
  #lastStart: Started | null = null;
  #shown: { result: R; started: Started } | null = null;
  #cadence: number | null = null;
  #latencyMs: number | null = null;

  constructor(readonly setting: CadenceSetting = 'auto') {
    this.minK = validateCadence(setting) === 'auto' ? 1 : (setting as number);
  }

  /** True while a detection runs. */
  get busy(): boolean {
    return this.#inFlight !== null;
  }

  /** Frames per detection start, smoothed; 1 before the second start. */
  get cadence(): number {
    return this.#cadence ?? 1;
  }

  /** Start-to-result time of the detections, smoothed; 0 before the first result. */
  get latencyMs(): number {
    return this.#latencyMs ?? 0;
  }

  /** A new source frame at `nowMs`: true when the detector should start on it now. */
  frame(index: number, nowMs: number): boolean {
    if (this.#inFlight) return false;
    const gap = this.#lastStart ? index - this.#lastStart.index : Number.POSITIVE_INFINITY;
    if (gap < this.minK) return false;
    const started = { index, atMs: nowMs, gap: Number.isFinite(gap) ? gap : 1 };
    if (this.#lastStart) this.#cadence = smooth(this.#cadence, gap);
    this.#inFlight = this.#lastStart = started;
    return true;
  }

  /** The running detection finished at `nowMs`; its result is shown from now on. */
  finish(result: R, nowMs: number): void {
    const started = this.#inFlight;
    if (!started) throw new Error('DetectionScheduler.finish: no detection is running');
    this.#inFlight = null;
    this.#latencyMs = smooth(this.#latencyMs, nowMs - started.atMs);
    this.#shown = { result, started };
  }

  /** The running detection failed: the detector is free again and the last result stays. */
  abandon(): void {
    this.#inFlight = null;
  }

  /** What the overlay draws on frame `index` (null before the first result). */
  view(index: number): ScheduledView<R> | null {
    if (!this.#shown) return null;
    const { result, started } = this.#shown;
    return { result, sourceIndex: started.index, steps: (index - started.index) / started.gap, gap: started.gap };
  }

  /** A new stream: forget every detection. */
  reset(): void {
    this.#inFlight = this.#lastStart = this.#shown = null;
    this.#cadence = this.#latencyMs = null;
  }
}
