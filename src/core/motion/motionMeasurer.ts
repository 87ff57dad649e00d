/**
 * The per-stream motion step: keeps the previous frame's pyramid and
 * measures how each target box moved into the current frame. Call `step`
 * on every frame (with no targets on frames the detector handles, so the
 * next carried frame has a reference).
 */
import type { Tlwh } from '../geometry/boxes.ts';
import { validateMotionConfig, type MotionConfig } from './config.ts';
import type { GrayImage } from './grayImage.ts';
import { medianFlowBox } from './medianFlow.ts';
import { buildPyramid, type Pyramid } from './pyramid.ts';

/** A box to follow: a track id and where the track was on the previous frame. */
export interface MotionTarget {
  readonly id: number;
  readonly box: Tlwh;
}

/** Where a target moved on the current frame, and whether to trust it. */
export interface MotionMeasurement {
  readonly id: number;
  /** Source pixels on the current frame. */
  readonly box: Tlwh;
  /** False when the forward–backward check failed (occlusion, drift): fall back to the Kalman prediction. */
  readonly reliable: boolean;
  /** Median forward–backward error in pixels. */
  readonly forwardBackwardError: number;
}

export class MotionMeasurer {
  readonly config: MotionConfig;
  #prev: Pyramid | null = null;
  /** The pyramid before `#prev`, whose level arrays the next frame reuses. */
  #spare: Pyramid | undefined;

  constructor(config: Partial<MotionConfig> = {}) {
    this.config = validateMotionConfig(config);
  }

  /**
   * Makes `frame` the current frame and returns each target's motion from the
   * previous frame. Returns [] on the first frame and after a size change.
   * `frame.data` must not be changed afterwards: it is kept as the next reference.
   */
  step(frame: GrayImage, targets: readonly MotionTarget[]): MotionMeasurement[] {
    const next = buildPyramid(frame, this.config.levels, this.#spare);
    const prev = this.#prev;
    this.#spare = prev ?? undefined;
    this.#prev = next;
    if (!prev || prev[0].width !== frame.width || prev[0].height !== frame.height) return [];
    return targets.map((t) => {
      const m = medianFlowBox(prev, next, t.box, this.config);
      return { id: t.id, box: m.box, reliable: m.reliable, forwardBackwardError: m.forwardBackwardError };
    });
  }

  /** Forgets the reference frame (new stream). */
  reset(): void {
    this.#prev = null;
    this.#spare = undefined;
  }
}
