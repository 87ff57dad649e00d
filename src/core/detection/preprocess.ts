/**
 * Frame → model input: validation, pixel-source conversion and resize, plus
 * the inverse mapping from model-input pixels back to source pixels.
 */
import * as tf from '@tensorflow/tfjs';
import { DetectorInputError } from './DetectorInputError';
import { drawScaled } from './scaledPixels';
import type { DetectorInput } from './types';

export const RESIZE_MODES = ['stretch', 'letterbox'] as const;
export type ResizeMode = (typeof RESIZE_MODES)[number];

/** Maps model-input pixels to source pixels: src = (model - pad) / scale. */
export interface InputTransform {
  readonly scaleX: number;
  readonly scaleY: number;
  readonly padX: number;
  readonly padY: number;
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

function canUseFromPixels(): boolean {
  return typeof document !== 'undefined' || typeof ImageData !== 'undefined';
}

/** Source frame size; throws DetectorInputError (allocating nothing) when unusable. */
export function frameSize(frame: DetectorInput): { width: number; height: number } {
  if (frame instanceof tf.Tensor) {
    const [h, w, c] = frame.shape;
    if (frame.rank !== 3 || (c !== 3 && c !== 4) || !(h > 0 && w > 0)) {
      throw new DetectorInputError(
        `frame tensor has shape [${frame.shape.join(', ')}]; expected [height, width, 3 or 4] with height, width > 0`,
        frame.shape,
      );
    }
    return { width: w, height: h };
  }
  if (!canUseFromPixels()) {
    throw new DetectorInputError('frame is not a tensor and tf.browser.fromPixels is unavailable here (no DOM); pass a tf.Tensor3D');
  }
  const f = frame as { width?: number; height?: number; videoWidth?: number; videoHeight?: number };
  const width = f.videoWidth || f.width || 0;
  const height = f.videoHeight || f.height || 0;
  if (width <= 0 || height <= 0) throw new DetectorInputError(`frame has size ${width}x${height}; is the video playing?`);
  return { width, height };
}

/** Float32 RGB HWC tensor of the frame. Call inside tf.tidy. */
function toRgbFloat(frame: DetectorInput): tf.Tensor3D {
  const pixels = frame instanceof tf.Tensor ? frame : tf.browser.fromPixels(frame as Parameters<typeof tf.browser.fromPixels>[0]);
  const rgb = pixels.shape[2] === 4 ? tf.slice(pixels, [0, 0, 0], [-1, -1, 3]) : pixels;
  return tf.cast(rgb, 'float32');
}

export function inputTransform(width: number, height: number, target: { width: number; height: number }, mode: ResizeMode): InputTransform {
  if (mode === 'stretch') {
    return { scaleX: target.width / width, scaleY: target.height / height, padX: 0, padY: 0, sourceWidth: width, sourceHeight: height };
  }
  const scale = Math.min(target.width / width, target.height / height);
  const padX = Math.floor((target.width - Math.round(width * scale)) / 2);
  const padY = Math.floor((target.height - Math.round(height * scale)) / 2);
  return { scaleX: scale, scaleY: scale, padX, padY, sourceWidth: width, sourceHeight: height };
}

/**
 * Resizes the frame to a [1, h, w, 3] float batch, values multiplied by
 * `valueScale` (1 keeps 0..255). Letterbox pads with zeros, centred.
 * The caller disposes the returned tensor; the frame is not disposed.
 */
export function toModelBatch(
  frame: DetectorInput,
  t: InputTransform,
  target: { width: number; height: number },
  valueScale = 1,
): tf.Tensor4D {
  return tf.tidy(() => {
    const w = Math.round(t.sourceWidth * t.scaleX);
    const h = Math.round(t.sourceHeight * t.scaleY);
    // A browser frame is drawn at the resized size first (scaledPixels.ts), so the cost follows the input size.
    const drawn = drawScaled(frame, t.sourceWidth, t.sourceHeight, w, h);
    let resized: tf.Tensor3D = drawn === null ? tf.image.resizeBilinear(toRgbFloat(frame), [h, w]) : tf.cast(drawn, 'float32');
    if (t.padX > 0 || t.padY > 0 || w !== target.width || h !== target.height) {
      resized = tf.pad(resized, [
        [t.padY, target.height - h - t.padY],
        [t.padX, target.width - w - t.padX],
        [0, 0],
      ]);
    }
    const scaled = valueScale === 1 ? resized : tf.mul(resized, valueScale);
    return tf.expandDims(scaled, 0) as tf.Tensor4D;
  });
}

/** Model-input pixel coordinates → source pixels, clipped to the frame. */
export function toSourceX(x: number, t: InputTransform): number {
  return Math.min(Math.max((x - t.padX) / t.scaleX, 0), t.sourceWidth);
}

export function toSourceY(y: number, t: InputTransform): number {
  return Math.min(Math.max((y - t.padY) / t.scaleY, 0), t.sourceHeight);
}
