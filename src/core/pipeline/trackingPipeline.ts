import type { Detection, Detector, DetectorInput } from '../detection/types.ts';
import { Tracker, type MotionObservation } from '../tracking/tracker.ts';
import type { TrackerObserver } from '../tracking/explain.ts';
import type { TrackerConfigInput } from '../tracking/config.ts';
import type { TrackOutput } from '../tracking/types.ts';

/** Optional appearance model: one embedding per detection, same order. */
export interface AppearanceStage {
  readonly name: string;
  /** Must not keep or dispose `frame`; returns plain arrays (one readback per frame). */
  embed(frame: DetectorInput, detections: readonly Detection[]): Promise<Float32Array[]>;
  dispose(): void;
}

export interface PipelineTimings {
  preprocessMs: number;
  inferenceMs: number;
  postprocessMs: number;
  embedMs: number;
  trackMs: number;
}

/**
 * One processed frame. Track `lateBoxes[].frame` values are source frame
 * indices (0-based), already translated from tracker clock frames.
 */
export interface FrameResult {
  /** Source frame index (0-based). */
  index: number;
  /** True when the detector ran on this frame; false when boxes were carried by the motion model (`StreamRunner`). */
  detected: boolean;
  detections: readonly Detection[];
  tracks: readonly TrackOutput[];
  timings: PipelineTimings;
}

type PipelineTimingsSource = Detector['lastTimings'] & { embeddingMs?: number };

const now = () => globalThis.performance.now();

/**
 * Detect → embed → track on one frame. `StreamRunner` owns one per stream and
 * decides which frames reach it; frames in between are carried there.
 */
export class TrackingPipeline {
  #tracker: Tracker;
  /**
   * Tracker clock frame of the latest update: source index + 1, so the
   * tracker predicts across the frames the detector skipped.
   */
  #clock = 0;
  /** Receives the explanation of the next tracker update only (`explainNextUpdate`). */
  #observer: TrackerObserver | undefined;

  constructor(
    readonly detector: Detector,
    trackerConfig: TrackerConfigInput = {},
    readonly appearance?: AppearanceStage,
  ) {
    this.#tracker = new Tracker(trackerConfig);
  }

  get trackerConfig() {
    return this.#tracker.config;
  }

  /** `observer` receives what the next tracker update does (predictions, costs, matches per pass); once. */
  explainNextUpdate(observer: TrackerObserver): void {
    this.#observer = observer;
  }

  /** Runs the detector (and appearance model) on `frame` and updates the tracker. */
  async detectAndTrack(frame: DetectorInput, index: number): Promise<FrameResult> {
    const detections = await this.detector.detect(frame);
    const t = this.detector.lastTimings as PipelineTimingsSource;
    const t0 = now();
    const embeddings = this.appearance && detections.length > 0 ? await this.appearance.embed(frame, detections) : undefined;
    const t1 = now();
    this.#clock = Math.max(index + 1, this.#clock + 1);
    const observer = this.#observer;
    this.#observer = undefined;
    const updated = this.#tracker.update(
      detections.map((d, i) => (embeddings ? { ...d, embedding: embeddings[i] } : d)),
      this.#clock,
      observer,
    );
    const tracks = updated.map((tr) => (tr.lateBoxes ? { ...tr, lateBoxes: tr.lateBoxes.map((b) => ({ ...b, frame: b.frame - 1 })) } : tr));
    const trackMs = now() - t1;
    return {
      index,
      detected: true,
      detections,
      tracks,
      // A joint detector embeds inside detect() and reports that share separately.
      timings: {
        preprocessMs: t.preprocessMs,
        inferenceMs: t.inferenceMs,
        postprocessMs: t.postprocessMs,
        embedMs: t1 - t0 + (t.embeddingMs ?? 0),
        trackMs,
      },
    };
  }

  /**
   * Feeds box measurements of source frame `index`, between detections, to
   * the tracker (see `Tracker.applyMotion`).
   */
  applyMotion(observations: readonly MotionObservation[], index: number, noiseScale: number): TrackOutput[] {
    const frame = index + 1; // the tracker clock counts source frames from 1
    if (!(frame > this.#tracker.frame)) return [];
    return this.#tracker.applyMotion(observations, frame, noiseScale);
  }

  /** Starts a new stream: forgets every track (ids restart at 1). */
  resetTracks(): void {
    this.#tracker = new Tracker(this.#tracker.config);
    this.#clock = 0;
  }

  dispose(): void {
    this.detector.dispose();
    this.appearance?.dispose();
  }
}
