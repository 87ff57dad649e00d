import { DEFAULT_DETECTOR_CONFIG, type DetectorConfig } from '../detection/config.ts';
import { ZERO_TIMINGS, type Detection, type Detector } from '../detection/types.ts';
import type { Detection as TrackerDetection } from '../tracking/types.ts';

/**
 * A detector that serves detections recorded earlier (a MOTChallenge
 * `det.txt`, a synthetic scene), by source frame index: set `frame` before
 * each detection. It ignores the pixels, so a stream of recorded detections
 * runs through the same `StreamRunner` cadence and latency as a live model.
 * Only `scoreThreshold` applies (the records were already suppressed), and
 * only once set: records keep their own score scale (MOT15's DPM scores go
 * below zero).
 */
export class ReplayDetector implements Detector {
  readonly name = 'replay';
  readonly lastTimings = ZERO_TIMINGS;
  /** Source frame index (0-based) the next `detect` answers for. */
  frame = 0;
  #config: DetectorConfig = { ...DEFAULT_DETECTOR_CONFIG, scoreThreshold: Number.NEGATIVE_INFINITY };

  /**
   * `byFrame[i]`: the detections of frame i (0-based). A frame with no entry
   * has no detections, or, with `strict`, was never detected: asking for it
   * throws (a cache recorded at a cadence cannot answer other frames).
   */
  constructor(
    readonly byFrame: readonly (readonly TrackerDetection[] | undefined)[],
    readonly strict = false,
  ) {}

  get config(): DetectorConfig {
    return this.#config;
  }

  setConfig(update: Partial<DetectorConfig>): void {
    this.#config = { ...this.#config, ...update };
  }

  detect(): Promise<Detection[]> {
    const recorded = this.byFrame[this.frame];
    if (!recorded && this.strict) {
      return Promise.reject(
        new RangeError(`no recorded detections for frame ${this.frame + 1}: the recording skipped it (was it made with --every > 1?)`),
      );
    }
    const rows = recorded ?? [];
    return Promise.resolve(
      rows
        .filter((d) => d.score >= this.#config.scoreThreshold)
        .map((d) => ({
          box: d.box,
          score: d.score,
          classId: d.classId ?? 0,
          label: d.label ?? 'object',
          ...(d.embedding ? { embedding: d.embedding } : {}),
        })),
    );
  }

  dispose(): void {}
}
