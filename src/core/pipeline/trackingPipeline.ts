import type { Detection, Detector, DetectorInput } from '../detection/types.ts';
import { Tracker } from '../tracking/tracker.ts';
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
 * indices (0-based), already translated from tracker update numbers.
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
/** Late boxes never reach further back than nInit + gap fill; 1,000 updates is ample and bounded. */
const UPDATE_INDEX_MEMORY = 1000;

/**
 * Detect → embed → track on one frame. `StreamRunner` owns one per stream and
 * decides which frames reach it; frames in between are carried there.
 */
export class TrackingPipeline {
  #tracker: Tracker;
  /** Source frame index of each recent tracker update (update numbers start at 1). */
  readonly #updateIndex = new Map<number, number>();
  #updates = 0;

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

  /** Runs the detector (and appearance model) on `frame` and updates the tracker. */
  async detectAndTrack(frame: DetectorInput, index: number): Promise<FrameResult> {
    const detections = await this.detector.detect(frame);
    const t = this.detector.lastTimings as PipelineTimingsSource;
    const t0 = now();
    const embeddings = this.appearance && detections.length > 0 ? await this.appearance.embed(frame, detections) : undefined;
    const t1 = now();
    const updated = this.#tracker.update(detections.map((d, i) => (embeddings ? { ...d, embedding: embeddings[i] } : d)));
    const tracks = this.#toSourceFrames(updated, index);
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

  /** Starts a new stream: forgets every track (ids restart at 1). */
  resetTracks(): void {
    this.#tracker = new Tracker(this.#tracker.config);
    this.#updateIndex.clear();
    this.#updates = 0;
  }

  /** Rewrites `lateBoxes[].frame` from tracker update numbers to source frame indices (0-based). */
  #toSourceFrames(tracks: TrackOutput[], index: number): TrackOutput[] {
    this.#updates++;
    this.#updateIndex.set(this.#updates, index);
    this.#updateIndex.delete(this.#updates - UPDATE_INDEX_MEMORY);
    return tracks.map((t) =>
      t.lateBoxes
        ? {
            ...t,
            lateBoxes: t.lateBoxes.map((b) => ({ frame: this.#updateIndex.get(b.frame) ?? -1, box: b.box })).filter((b) => b.frame >= 0),
          }
        : t,
    );
  }

  dispose(): void {
    this.detector.dispose();
    this.appearance?.dispose();
  }
}
