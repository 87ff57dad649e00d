/**
 * One tracked object: its Kalman state, lifecycle counters, trail and
 * appearance gallery. Lifecycle: tentative → confirmed after `nInit`
 * consecutive hits; a tentative track is deleted on its first miss, a
 * confirmed one after more than `maxAge` missed frames.
 */
import { tlwhToXyah, xyahToTlwh } from '../geometry/boxes.ts';
import type { Tlwh, Xyah } from '../geometry/boxes.ts';
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

function boxOfState(mean: Float64Array): Tlwh {
  return xyahToTlwh([mean[0], mean[1], mean[2], mean[3]]);
}

export class Track {
  state: TrackState = 'tentative';
  hits = 1;
  age = 1;
  timeSinceUpdate = 0;
  /** Fraction of an update step the state was moved by `applyMotion` since the last update. */
  stepsAhead = 0;
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

  constructor(
    readonly id: number,
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
    this.#pushTrail(detection.xyah);
    if (config.nInit <= 1) this.#confirm();
  }

  get isConfirmed(): boolean {
    return this.state === 'confirmed';
  }

  get isDeleted(): boolean {
    return this.state === 'deleted';
  }

  /** Accepts this frame's predicted state (from `multiPredict`). */
  applyPrediction(kalman: Gaussian): void {
    this.kalman = kalman;
    this.stepsAhead = 0;
    this.age++;
    this.timeSinceUpdate++;
    this.#lateBoxes = [];
    this.predictedBox = boxOfState(kalman.mean);
  }

  /**
   * Accepts a state moved `stepsAhead` of a step past the last update by a
   * between-detection motion measurement (no hit, no trail point).
   */
  applyMotion(kalman: Gaussian, stepsAhead: number): void {
    this.kalman = kalman;
    this.stepsAhead = stepsAhead;
    this.predictedBox = boxOfState(kalman.mean);
  }

  /** Accepts a matched detection and its Kalman posterior. */
  update(kalman: Gaussian, detection: PreparedDetection, frame: number): void {
    this.kalman = kalman;
    this.hits++;
    this.timeSinceUpdate = 0;
    this.score = detection.score;
    this.classId = detection.classId ?? this.classId;
    this.label = detection.label ?? this.label;
    this.predictedBox = boxOfState(kalman.mean);
    if (detection.embedding) this.gallery.add(detection.embedding);
    this.#pushTrail(this.config.outputBox === 'detection' ? detection.xyah : tlwhToXyah(this.predictedBox));
    if (this.state === 'tentative') {
      this.#tentativeBoxes?.push({ frame, box: detection.box });
      if (this.hits >= this.config.nInit) this.#confirm();
    } else {
      this.#fillGap(detection.box, frame);
    }
    this.lastDetectionBox = detection.box;
    this.#lastUpdateFrame = frame;
  }

  /** Called when no detection matched this frame. */
  markMissed(): void {
    if (this.state === 'tentative' || this.timeSinceUpdate > this.config.maxAge) this.state = 'deleted';
  }

  /** Plain snapshot for callers. */
  toOutput(): TrackOutput {
    const box =
      this.config.outputBox === 'detection' && this.timeSinceUpdate === 0 && this.stepsAhead === 0
        ? this.lastDetectionBox
        : this.predictedBox;
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
      velocity: [this.kalman.mean[4], this.kalman.mean[5], this.kalman.mean[6], this.kalman.mean[7]],
    };
    return this.#lateBoxes.length > 0 ? { ...out, lateBoxes: this.#lateBoxes } : out;
  }

  #confirm(): void {
    this.state = 'confirmed';
    // The confirming frame's own box is reported normally; hand out the earlier ones.
    this.#lateBoxes = this.#tentativeBoxes?.slice(0, -1) ?? [];
    this.#tentativeBoxes = null;
  }

  /** Linear interpolation between the last observation and `box` over a short gap of missed frames. */
  #fillGap(box: Tlwh, frame: number): void {
    const gap = frame - this.#lastUpdateFrame - 1;
    if (gap < 1 || gap > this.config.gapFillMaxFrames) return;
    const from = this.lastDetectionBox;
    for (let k = 1; k <= gap; k++) {
      const t = k / (gap + 1);
      const lerp = (i: number) => from[i] + (box[i] - from[i]) * t;
      this.#lateBoxes.push({ frame: this.#lastUpdateFrame + k, box: [lerp(0), lerp(1), lerp(2), lerp(3)] });
    }
  }

  #pushTrail(z: Xyah): void {
    if (this.config.historyLength === 0) return;
    if (this.history.length >= this.config.historyLength) this.history.shift();
    this.history.push([z[0], z[1]]);
  }
}
