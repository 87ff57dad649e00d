/**
 * The `StreamRunner` motion hook: on every carried frame, each box moves by
 * the pixel motion measured inside it (median flow, `MotionStage`). With
 * `correctKalman` (off by default, see `MotionConfig`), when the shown result
 * is the tracker's newest update, the measurement also corrects the track's
 * Kalman state as an observation with its own, larger noise
 * (`Tracker.applyMotion`). A box whose measurement fails the forward–backward
 * check keeps the Kalman prediction.
 */
import * as tf from '@tensorflow/tfjs';
import type { Tlwh } from '../geometry/boxes.ts';
import type { DetectorInput } from '../detection/types.ts';
import { LUMA_WEIGHTS, type GrayImage, type MotionConfig } from '../motion/index.ts';
import type { TrackOutput } from '../tracking/types.ts';
import type { CarryContext, MotionMeasurer } from './motionMeasurer.ts';
import { MotionStage } from './motionStage.ts';
import type { TrackingPipeline } from './trackingPipeline.ts';

/** Grayscale of an HWC RGB(A) tensor or a browser pixel source, read back as plain floats (tensors disposed). */
async function grayOf(frame: DetectorInput): Promise<GrayImage> {
  const gray = tf.tidy(() => {
    const rgb = frame instanceof tf.Tensor ? frame : tf.browser.fromPixels(frame as Parameters<typeof tf.browser.fromPixels>[0]);
    return rgb
      .slice([0, 0, 0], [-1, -1, 3])
      .toFloat()
      .mul(tf.tensor1d([...LUMA_WEIGHTS]))
      .sum(2) as tf.Tensor2D;
  });
  try {
    const [height, width] = gray.shape;
    return { width, height, data: (await gray.data()) as Float32Array };
  } finally {
    gray.dispose();
  }
}

export class PixelMotion implements MotionMeasurer {
  readonly stage: MotionStage;
  #pipeline: TrackingPipeline | null = null;
  /**
   * Detected frames and their tracks, oldest first, until their result is
   * shown: a live overlay cannot start from a detection before it finishes,
   * so the boxes keep following the shown result until then, and then jump
   * from the detected frame's pixels to the current frame's in one
   * measurement. (The next detection may start on the very frame a result is
   * shown, so more than one can wait.)
   */
  #pending: { index: number; gray: GrayImage; tracks: readonly TrackOutput[] }[] = [];
  /** Carried frames' pixels since the oldest pending detection, to chain through when its result is shown. */
  #since: { index: number; gray: GrayImage }[] = [];

  constructor(config: Partial<MotionConfig> = {}) {
    this.stage = new MotionStage(config);
  }

  attach(pipeline: TrackingPipeline): void {
    this.#pipeline = pipeline;
  }

  async observe(frame: DetectorInput, index: number, tracks: readonly TrackOutput[]): Promise<void> {
    this.#pending.push({ index, gray: await grayOf(frame), tracks });
  }

  async measure(frame: DetectorInput, index: number, tracks: readonly TrackOutput[], context?: CarryContext): Promise<TrackOutput[]> {
    const gray = await grayOf(frame);
    const shown = context ? this.#pending.filter((p) => p.index <= context.sourceIndex) : [];
    if (shown.length > 0) {
      const newest = shown[shown.length - 1];
      this.stage.observe(newest.gray, newest.tracks);
      for (const f of this.#since) if (f.index > newest.index) this.stage.measure(f.gray, newest.tracks);
      this.#pending = this.#pending.filter((p) => p.index > newest.index);
    }
    this.#since = this.#pending.length > 0 ? [...this.#since.filter((f) => f.index > this.#pending[0].index), { index, gray }] : [];
    const measured = this.stage.measure(gray, tracks);
    const boxes = new Map<number, Tlwh>();
    if (this.stage.measurer.config.correctKalman && context?.fromLatestUpdate && this.#pipeline) {
      for (const t of this.#pipeline.applyMotion(measured, index, this.stage.noiseScale)) boxes.set(t.id, t.box);
    }
    // Drawn boxes follow the measured motion; the Kalman state takes it in with its larger noise.
    for (const m of measured) if (m.reliable) boxes.set(m.id, m.box);
    return tracks.map((t) => ({ ...t, box: boxes.get(t.id) ?? t.box }));
  }

  reset(): void {
    this.stage.reset();
    this.#pending = [];
    this.#since = [];
  }
}
