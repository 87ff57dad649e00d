/**
 * Test-only page: one image through the detector's preprocessing and through
 * CenterNet twice, once as an ImageBitmap (the browser path, drawn at the
 * resized size by scaledPixels.ts) and once as a full-size tensor (the path
 * Node takes), so the test can compare the two.
 */
import * as tf from '@tensorflow/tfjs';
import { registerBrowserBackend } from '../../../src/app/engine/registerBrowserBackend';
import { selectBackend } from '../../../src/core/backend/select';
import { loadCenterNet } from '../../../src/core/detection/centernet';
import type { CenterNetInputSize } from '../../../src/core/detection/centernetSizes';
import { inputTransform, toModelBatch, type ResizeMode } from '../../../src/core/detection/preprocess';
import { drawScaled } from '../../../src/core/detection/scaledPixels';
import type { Tlwh } from '../../../src/core/geometry/boxes';

export interface ProbeResult {
  /** Whether the bitmap took the drawn path (drawScaled returned a tensor). */
  drawn: boolean;
  shape: number[];
  /** Mean |bitmap batch − tensor batch| over all values (0..255). */
  meanAbsDiff: number;
  /** Person boxes [x, y, w, h] in source pixels from each path. */
  bitmapPersons: Tlwh[];
  tensorPersons: Tlwh[];
  numTensorsBefore: number;
  numTensorsAfter: number;
}

async function probe(url: string, size: CenterNetInputSize, resize: ResizeMode): Promise<ProbeResult> {
  await selectBackend({ choice: 'wasm', register: registerBrowserBackend });
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const tensor = tf.browser.fromPixels(bitmap);
  const detector = await loadCenterNet({ source: '/models/', inputSize: size, integrity: 'size' });
  try {
    const numTensorsBefore = tf.memory().numTensors;
    const t = inputTransform(bitmap.width, bitmap.height, { width: size, height: size }, resize);
    const target = { width: size, height: size };
    const w = Math.round(bitmap.width * t.scaleX);
    const h = Math.round(bitmap.height * t.scaleY);
    const drawn = tf.tidy(() => drawScaled(bitmap, bitmap.width, bitmap.height, w, h) !== null);
    const [shape, meanAbsDiff] = tf.tidy(() => {
      const a = toModelBatch(bitmap, t, target);
      const b = toModelBatch(tensor, t, target);
      return [a.shape, tf.mean(tf.abs(tf.sub(a, b))).dataSync()[0]] as const;
    });
    const persons = async (frame: ImageBitmap | tf.Tensor3D) =>
      (await detector.detect(frame)).filter((d) => d.label === 'person').map((d) => d.box);
    const bitmapPersons = await persons(bitmap);
    const tensorPersons = await persons(tensor);
    return {
      drawn,
      shape: [...shape],
      meanAbsDiff,
      bitmapPersons,
      tensorPersons,
      numTensorsBefore,
      numTensorsAfter: tf.memory().numTensors,
    };
  } finally {
    detector.dispose();
    tensor.dispose();
    bitmap.close();
  }
}

(window as unknown as { scaledProbe: typeof probe }).scaledProbe = probe;
