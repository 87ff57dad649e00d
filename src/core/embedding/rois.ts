/**
 * Boxes → `tf.image.cropAndResize` regions: [y1, x1, y2, x2] normalised to
 * the 512x512 model input (0 = first pixel row/column, 1 = last), which is
 * also the frame of every CenterNet feature map whatever its stride.
 */
import * as tf from '@tensorflow/tfjs';
import type { Tlwh } from '../geometry/boxes.ts';
import type { InputTransform } from '../detection/preprocess.ts';

export interface ModelSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Source-pixel boxes → regions through the letterbox transform
 * (model = source · scale + pad), each side trimmed by `sideTrim` of the width.
 * Returns N·4 floats, ready for `tf.tensor2d(rois, [N, 4])`.
 */
export function sourceBoxesToRois(boxes: readonly Tlwh[], t: InputTransform, size: ModelSize, sideTrim: number): Float32Array {
  const out = new Float32Array(boxes.length * 4);
  boxes.forEach(([x, y, w, h], i) => {
    const x1 = (x + w * sideTrim) * t.scaleX + t.padX;
    const x2 = (x + w * (1 - sideTrim)) * t.scaleX + t.padX;
    const y1 = y * t.scaleY + t.padY;
    const y2 = (y + h) * t.scaleY + t.padY;
    out.set([y1 / (size.height - 1), x1 / (size.width - 1), y2 / (size.height - 1), x2 / (size.width - 1)], i * 4);
  });
  return out;
}

/**
 * CenterNet's raw rows [N, 6] = x1, y1, x2, y2 (model-input pixels), score,
 * class → regions [N, 4], trimmed like `sourceBoxesToRois`. Call inside tf.tidy.
 */
export function modelRowsToRois(rows: tf.Tensor2D, size: ModelSize, sideTrim: number): tf.Tensor2D {
  const [x1, y1, x2, y2] = tf.split(tf.slice(rows, [0, 0], [-1, 4]), 4, 1);
  const w = tf.sub(x2, x1);
  const sx = 1 / (size.width - 1);
  const sy = 1 / (size.height - 1);
  return tf.concat(
    [tf.mul(y1, sy), tf.mul(tf.add(x1, tf.mul(w, sideTrim)), sx), tf.mul(y2, sy), tf.mul(tf.sub(x2, tf.mul(w, sideTrim)), sx)],
    1,
  ) as tf.Tensor2D;
}
