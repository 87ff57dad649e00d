/** Node-only: decode a PNG file into an int32 HWC RGB tensor (values 0..255). */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';

/** Caller disposes the returned tensor. */
export function readImageTensor(path: string): tf.Tensor3D {
  const png = PNG.sync.read(readFileSync(path));
  const { width, height, data } = png;
  // pngjs always decodes to RGBA 8-bit; drop alpha.
  const rgb = new Int32Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
    rgb[j] = data[i];
    rgb[j + 1] = data[i + 1];
    rgb[j + 2] = data[i + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3], 'int32');
}
