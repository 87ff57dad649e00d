/**
 * One tracked object: its Kalman state, lifecycle counters, trail and
 * appearance gallery. Lifecycle, on the tracker's clock in seconds:
 * tentative → confirmed once detected on at least `MIN_CONFIRM_HITS`
 * detector runs spanning `nInit` seconds with no run in between missing it;
 * a tentative track is deleted on the first detector run that misses it, a
 * confirmed one when it has gone undetected for more than `maxAge` seconds.
 * Frames the detector skipped (`Tracker.advance`) are not misses. A track
 * gets its public id only when it is confirmed (`confirmAs`).
 */
import { tlwhToXyah, xyahToTlwh } from '../geometry/boxes.ts';
import type { Tlwh, Xyah } from '../geometry/boxes.ts';
import { framesIn } from './config.ts';
import type { TrackerConfig } from './config.ts';
import type { Gaussian } from './kalmanFilter.ts';
import { EmbeddingGallery } from './nnMatching.ts';
import type { FrameBox, TrackOutput, TrackState, TrailPoint } from './types.ts';

/** A detection as the tracker sees it: measurement precomputed, embedding unit-norm. */
export interface PreparedDetection {
  readonly box: Tlwh;
  readonly xyah: Xyah;
  readonly score: number;
  readonly classId?: number;
  readonly label?: string;
  readonly embedding?: Float32Array;
}

/** Detections that confirm a tentative track however close together (deep_sort's n_init = 3). */
export const CONFIRM_HITS = 3;
/**
 * Fewest detections that confirm a track when they span `nInit` seconds:
 * one box shows no motion, two consistent ones far enough apart do. With a
 * sparse detector three runs take long (1.2 s at 2.5 runs a second), and a
 * track that has not been confirmed cannot be drawn.
 */
export const MIN_CONFIRM_HITS = 2;
/** Slack on time comparisons made through seconds (2 frames at 20 fps are 0.1 s). */
const TIME_EPSILON = 1e-9;

function boxOfState(mean: Float64Array): Tlwh {
  return xyahToTlwh([mean[0], mean[1], mean[2], mean[3]]);
}

export class Track {
  state: TrackState = 'tentative';
  /** Public id, 0 until the track is confirmed. */
  id = 0;
  hits = 1;
  /** Frames (tracker clock) since the track was created, counting its first. */
  age = 1;
  /** Frames (tracker clock) since the latest detection; fractional with fractional clock steps. */
  timeSinceUpdate = 0;
  /** Detector runs since the latest detection (0 on a run that matched it). */
  missedRuns = 0;
  score: number;
  classId?: number;
  label?: string;
  /** Box of the current state (updated after predict and update). */
  predictedBox: Tlwh;
  lastDetectionBox: Tlwh;
  readonly history: TrailPoint[] = [];
  readonly gallery: EmbeddingGallery;
  /** Detection boxes seen while tentative; null once confirmed. */
  #tentativeBoxes: FrameBox[] | null;
  /** Boxes for earlier frames that became known this frame (see `TrackOutput.lateBoxes`). */
  #lateBoxes: FrameBox[] = [];
  #lastUpdateFrame: number;
  readonly #firstFrame: number;
  /** First detector run that missed the track since its latest detection; until then it was reported. */
  #missedSince = 0;

  constructor(
    public kalman: Gaussian,
    detection: PreparedDetection,
    frame: number,
    private readonly config: TrackerConfig,
  ) {
    this.score = detection.score;
    this.classId = detection.classId;
    this.label = detection.label;
    this.predictedBox = detection.box;
    this.lastDetectionBox = detection.box;
    this.gallery = new EmbeddingGallery(config.galleryBudget);
    if (detection.embedding) this.gallery.add(detection.embedding);
    this.#tentativeBoxes = [{ frame, box: detection.box }];
    this.#lastUpdateFrame = frame;
    this.#firstFrame = frame;
    this.#pushTrail(detection.xyah);
  }

  get isConfirmed(): boolean {
    return this.state === 'confirmed';
  }

  get isDeleted(): boolean {
    return this.state === 'deleted';
  }

  /** Seconds since the latest detection. */
  get secondsSinceUpdate(): number {
    return this.timeSinceUpdate / this.config.frameRate;
  }

  /** True once a tentative track has been detected long enough (see the file comment). */
  get readyToConfirm(): boolean {
    if (this.state !== 'tentative') return false;
    if (this.config.nInit === 0) return true;
    const span = this.#lastUpdateFrame - this.#firstFrame;
    if (this.hits >= CONFIRM_HITS) return true;
    return this.hits >= MIN_CONFIRM_HITS && span + TIME_EPSILON >= framesIn(this.config.nInit, this.config);
  }

  /** Accepts the predicted state `dt` frames on (from `multiPredict`). */
  applyPrediction(kalman: Gaussian, dt: number): void {
    this.kalman = kalman;
    this.age += dt;
    this.timeSinceUpdate += dt;
    this.#lateBoxes = [];
    this.predictedBox = boxOfState(kalman.mean);
  }

  /** A detector run starts: one more run since the latest detection, until matched. */
  countRun(): void {
    this.missedRuns++;
  }

  /** Confirms a tentative track under its public id and hands out its tentative boxes. */
  confirmAs(id: number): void {
    this.id = id;
    this.state = 'confirmed';
    // The confirming frame's own box is reported normally; hand out the earlier ones.
    this.#lateBoxes = this.#tentativeBoxes?.slice(0, -1) ?? [];
    this.#tentativeBoxes = null;
  }

  /** Accepts a matched detection and its Kalman posterior. */
  update(kalman: Gaussian, detection: PreparedDetection, frame: number): void {
    this.kalman = kalman;
    this.hits++;
    this.timeSinceUpdate = 0;
    this.missedRuns = 0;
    this.score = detection.score;
    this.classId = detection.classId ?? this.classId;
    this.label = detection.label ?? this.label;
    this.predictedBox = boxOfState(kalman.mean);
    if (detection.embedding) this.gallery.add(detection.embedding);
    this.#pushTrail(this.config.outputBox === 'detection' ? detection.xyah : tlwhToXyah(this.predictedBox));
    if (this.state === 'tentative') {
      this.#tentativeBoxes?.push({ frame, box: detection.box });
    } else {
      this.#fillGap(detection.box, frame);
    }
    this.lastDetectionBox = detection.box;
    this.#lastUpdateFrame = frame;
  }

  /** Called on a detector run (clock `frame`) that matched no detection to this track. */
  markMissed(frame: number): void {
    if (this.state === 'tentative') this.state = 'deleted';
    else if (this.missedRuns === 1) this.#missedSince = frame;
  }

  /** Deletes a confirmed track undetected for more than `maxAge` seconds. */
  expire(): void {
    if (this.timeSinceUpdate > framesIn(this.config.maxAge, this.config) + TIME_EPSILON) this.state = 'deleted';
  }

  /** Plain snapshot for callers; `frames` is the velocity's time unit in clock frames (see `TrackOutput.velocity`). */
  toOutput(frames = 1): TrackOutput {
    const box = this.config.outputBox === 'detection' && this.timeSinceUpdate === 0 ? this.lastDetectionBox : this.predictedBox;
    const out: TrackOutput = {
      id: this.id,
      box,
      classId: this.classId,
      label: this.label,
      state: this.state,
      hits: this.hits,
      age: this.age,
      timeSinceUpdate: this.timeSinceUpdate,
      history: this.history.slice(),
      score: this.score,
      velocity: [frames * this.kalman.mean[4], frames * this.kalman.mean[5], frames * this.kalman.mean[6], frames * this.kalman.mean[7]],
    };
    return this.#lateBoxes.length > 0 ? { ...out, lateBoxes: this.#lateBoxes } : out;
  }

  /**
   * Linear interpolation between the last observation and `box` over a short
   * gap, for the frames the track was not reported: from the first detector
   * run that missed it (frames the detector skipped before that were reported).
   */
  #fillGap(box: Tlwh, frame: number): void {
    const span = frame - this.#lastUpdateFrame;
    if (this.#missedSince <= this.#lastUpdateFrame || span - 1 > framesIn(this.config.gapFill, this.config) + TIME_EPSILON) return;
    const from = this.lastDetectionBox;
    for (let f = this.#missedSince; f < frame; f++) {
      const t = (f - this.#lastUpdateFrame) / span;
      const lerp = (i: number) => from[i] + (box[i] - from[i]) * t;
      this.#lateBoxes.push({ frame: f, box: [lerp(0), lerp(1), lerp(2), lerp(3)] });
    }
  }

  #pushTrail(z: Xyah): void {
    if (this.config.historyLength === 0) return;
    if (this.history.length >= this.config.historyLength) this.history.shift();
    this.history.push([z[0], z[1]]);
  }
}
