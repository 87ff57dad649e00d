import type { Detection, Detector, DetectorInput } from '../detection/types.ts';
import type { Tlwh } from '../geometry/boxes.ts';
import type { GrayImage } from '../motion/grayImage.ts';
import { predictBox } from '../tracking/extrapolate.ts';
import { Tracker } from '../tracking/tracker.ts';
import type { TrackerConfigInput } from '../tracking/config.ts';
import type { TrackOutput } from '../tracking/types.ts';
import type { MotionStage } from './motionStage.ts';

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
  /** True when the detector ran on this frame; false when boxes were carried by the motion model. */
  detected: boolean;
  detections: readonly Detection[];
  tracks: readonly TrackOutput[];
  timings: PipelineTimings;
}

type PipelineTimingsSource = Detector['lastTimings'] & { embeddingMs?: number };

const ZERO: PipelineTimings = Object.freeze({ preprocessMs: 0, inferenceMs: 0, postprocessMs: 0, embedMs: 0, trackMs: 0 });
const now = () => globalThis.performance.now();
/** Late boxes never reach further back than nInit + gap fill; 1,000 updates is ample and bounded. */
const UPDATE_INDEX_MEMORY = 1000;

/**
 * Detect → embed → track for one stream, shared by the live view (in its
 * worker), uploaded videos and the headless CLI, so all three produce the
 * same tracks for the same frames.
 */
export class TrackingPipeline {
  #tracker: Tracker;
  #last: readonly TrackOutput[] = [];
  /** Tracks as drawn on the latest frame (carried boxes included). */
  #shown: readonly TrackOutput[] = [];
  #framesSinceDetect = 0;
  #framesPerDetect = 1;
  /** Source frame index of each recent tracker update (update numbers start at 1). */
  readonly #updateIndex = new Map<number, number>();
  #updates = 0;

  constructor(
    readonly detector: Detector,
    trackerConfig: TrackerConfigInput = {},
    readonly appearance?: AppearanceStage,
    /** Pixel motion between detections; needs the grayscale frame on every call. */
    readonly motion?: MotionStage,
  ) {
    this.#tracker = new Tracker(trackerConfig);
  }

  get trackerConfig() {
    return this.#tracker.config;
  }

  /**
   * Runs the detector (and appearance model) on `frame` and updates the
   * tracker. `gray` (the same frame) is the motion stage's next reference.
   */
  async detectAndTrack(frame: DetectorInput, index: number, gray?: GrayImage): Promise<FrameResult> {
    const detections = await this.detector.detect(frame);
    const t = this.detector.lastTimings as PipelineTimingsSource;
    const t0 = now();
    const embeddings = this.appearance && detections.length > 0 ? await this.appearance.embed(frame, detections) : undefined;
    const t1 = now();
    const updated = this.#tracker.update(detections.map((d, i) => (embeddings ? { ...d, embedding: embeddings[i] } : d)));
    const tracks = this.#toSourceFrames(updated, index);
    if (this.motion && gray) this.motion.observe(gray, tracks);
    const trackMs = now() - t1;
    this.#framesPerDetect = Math.max(1, this.#framesSinceDetect + 1);
    this.#framesSinceDetect = 0;
    this.#last = tracks;
    this.#shown = tracks;
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
   * A frame without detection: the last tracks moved by the motion model.
   * Velocities are per detection step, so the step fraction is frames since
   * the last detection over frames between the last two detections. With a
   * motion stage and `gray`, each box moves by its measured pixel motion, and
   * the measurement corrects its Kalman state (see `Tracker.applyMotion`);
   * a box whose measurement fails the forward–backward check keeps the
   * Kalman prediction.
   */
  carry(index: number, gray?: GrayImage): FrameResult {
    this.#framesSinceDetect++;
    const steps = this.#framesSinceDetect / this.#framesPerDetect;
    const t0 = now();
    const moved = new Map<number, Tlwh>();
    if (this.motion && gray) {
      const measured = this.motion.measure(gray, this.#shown);
      for (const t of this.#tracker.applyMotion(measured, steps, this.motion.noiseScale)) moved.set(t.id, t.box);
      // Drawn boxes follow the measured motion; the Kalman state takes it in with its larger noise.
      for (const m of measured) if (m.reliable) moved.set(m.id, m.box);
    }
    const tracks = this.#last.map((tr) => ({ ...tr, box: moved.get(tr.id) ?? predictBox(tr, steps), lateBoxes: undefined }));
    this.#shown = tracks;
    return { index, detected: false, detections: [], tracks, timings: { ...ZERO, trackMs: now() - t0 } };
  }

  /** Starts a new stream: forgets every track (ids restart at 1). */
  resetTracks(): void {
    this.#tracker = new Tracker(this.#tracker.config);
    this.#last = [];
    this.#shown = [];
    this.motion?.reset();
    this.#framesSinceDetect = 0;
    this.#framesPerDetect = 1;
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
