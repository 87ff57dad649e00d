/**
 * The pipeline's between-detection motion step: a median-flow tracker per
 * track, restarted from the track's box on every detection frame. Each
 * carried frame measures where every box moved; the measured box (not the
 * Kalman posterior) is the next frame's starting box while its
 * forward–backward check passes, so the Kalman filter's lag does not feed
 * back into the measurement.
 */
import type { Tlwh } from '../geometry/boxes.ts';
import { MotionMeasurer, rgbToGray, type GrayImage, type MotionConfig, type MotionMeasurement } from '../motion/index.ts';
import type { TrackOutput } from '../tracking/types.ts';

export class MotionStage {
  readonly measurer: MotionMeasurer;
  #chain = new Map<number, Tlwh>();
  /** Two grayscale buffers used in turn: the measurer keeps the previous frame while the next is written. */
  readonly #gray: Float32Array[] = [new Float32Array(0), new Float32Array(0)];
  #turn = 0;

  constructor(config: Partial<MotionConfig> = {}) {
    this.measurer = new MotionMeasurer(config);
  }

  /** Std of a motion measurement as a multiple of a detection's. */
  get noiseScale(): number {
    return this.measurer.config.noiseScale;
  }

  /**
   * Grayscale of an RGB (3) or RGBA (4) frame in a reused buffer, valid
   * until the call after next: pass each result to `observe` or `measure`.
   */
  toGray(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 3 | 4): GrayImage {
    this.#turn ^= 1;
    if (this.#gray[this.#turn].length !== width * height) this.#gray[this.#turn] = new Float32Array(width * height);
    return rgbToGray(pixels, width, height, channels, this.#gray[this.#turn]);
  }

  /** A detection frame: keeps `frame` as the reference and restarts each track from its box. */
  observe(frame: GrayImage, tracks: readonly TrackOutput[]): void {
    this.measurer.step(frame, []);
    this.#chain = new Map(tracks.map((t) => [t.id, t.box]));
  }

  /** A carried frame: where each track's box moved since the previous frame. */
  measure(frame: GrayImage, tracks: readonly Pick<TrackOutput, 'id' | 'box'>[]): MotionMeasurement[] {
    const out = this.measurer.step(
      frame,
      tracks.map((t) => ({ id: t.id, box: this.#chain.get(t.id) ?? t.box })),
    );
    this.#chain = new Map(out.filter((m) => m.reliable).map((m) => [m.id, m.box]));
    return out;
  }

  /** New stream. */
  reset(): void {
    this.measurer.reset();
    this.#chain.clear();
  }
}
