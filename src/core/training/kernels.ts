/** The learned kernels of every Conv2D layer, read back for drawing. */
import * as tf from '@tensorflow/tfjs';

export interface KernelSet {
  layer: string;
  /** Kernel side. */
  size: number;
  inChannels: number;
  filters: number;
  /** [k, k, cin, filters] row-major (tf's conv2d kernel layout). */
  data: Float32Array;
}

/** Reads each conv kernel with one awaited copy; creates no lasting tensors. */
export async function convKernels(model: tf.LayersModel): Promise<KernelSet[]> {
  const convs = model.layers.filter((l) => l.getClassName() === 'Conv2D');
  return Promise.all(
    convs.map(async (l) => {
      const w = l.getWeights()[0];
      const [size, , inChannels, filters] = w.shape;
      return { layer: l.name, size, inChannels, filters, data: (await w.data()) as Float32Array };
    }),
  );
}

/** Kernel (filter f, input channel c) as a k×k row-major array. */
export function kernelSlice(k: KernelSet, filter: number, channel: number): Float32Array {
  const out = new Float32Array(k.size * k.size);
  for (let p = 0; p < k.size * k.size; p++) out[p] = k.data[(p * k.inChannels + channel) * k.filters + filter];
  return out;
}
