import type * as tf from '@tensorflow/tfjs';
import type { Tlwh } from '../geometry/boxes';
import type { CenterNetInputSize } from './centernetSizes';
import type { DetectorConfig } from './config';

/** One detected object. `box` is in source pixels (the input frame's grid). */
export interface Detection {
  readonly box: Tlwh;
  /** Confidence in [0, 1]. */
  readonly score: number;
  /** Index into the detector's label list (COCO-80, 0 = person). */
  readonly classId: number;
  readonly label: string;
}

/** Milliseconds spent in each stage of the last `detect()` call. */
export interface StageTimings {
  readonly preprocessMs: number;
  readonly inferenceMs: number;
  readonly postprocessMs: number;
}

/** Anything `tf.browser.fromPixels` accepts (browser only). */
export type PixelSource = ImageData | HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | ImageBitmap | OffscreenCanvas;

/**
 * A frame: an HWC tensor with 3 (RGB) or 4 (RGBA) channels, int or float,
 * values 0..255 (the caller keeps ownership and disposes it), or a browser
 * pixel source.
 */
export type DetectorInput = tf.Tensor3D | PixelSource;

export interface Detector {
  readonly name: string;
  /** Detections sorted by descending score. */
  detect(frame: DetectorInput): Promise<Detection[]>;
  readonly lastTimings: StageTimings;
  /** Current post-processing config (a validated copy). */
  readonly config: DetectorConfig;
  /**
   * Merges `update` into the current config without reloading the model.
   * Throws (and keeps the old config) when the result is invalid.
   */
  setConfig(update: Partial<DetectorConfig>): void;
  /** Releases the model's weights; the detector is unusable afterwards. */
  dispose(): void;
}

/** A detector whose square input size can change while it runs (CenterNet's ladder). */
export interface ResizableDetector extends Detector {
  readonly inputSize: CenterNetInputSize;
  /** Resolves once detection runs at `size` (the first switch to a size loads it). */
  setInputSize(size: CenterNetInputSize): Promise<void>;
}

export function isResizable(detector: Detector): detector is ResizableDetector {
  return typeof (detector as Partial<ResizableDetector>).setInputSize === 'function';
}

export const ZERO_TIMINGS: StageTimings = Object.freeze({ preprocessMs: 0, inferenceMs: 0, postprocessMs: 0 });
