/**
 * Min pooling as a Keras-style layer. tf.js (like Keras) has no min pooling,
 * but min over a window is −max(−x), so it reuses maxPool and its gradient on
 * every backend. Registered for serialization so saved models load again.
 */
import * as tf from '@tensorflow/tfjs';
import type { Padding } from './layerSpecs.ts';

/** min(x) over each window, computed as −maxPool(−x). Shapes as tf.maxPool. */
export function minPool<T extends tf.Tensor3D | tf.Tensor4D>(x: T, poolSize: number, strides: number, padding: Padding = 'valid'): T {
  return tf.tidy(() => tf.neg(tf.maxPool(tf.neg(x), poolSize, strides, padding)));
}

export interface MinPoolingArgs {
  poolSize: number;
  strides?: number;
  padding?: Padding;
  name?: string;
  inputShape?: number[];
}

export class MinPooling2D extends tf.layers.Layer {
  static className = 'MinPooling2D';
  readonly poolSize: number;
  readonly strides: number;
  readonly padding: Padding;

  constructor(args: MinPoolingArgs) {
    super({ name: args.name, inputShape: args.inputShape });
    this.poolSize = args.poolSize;
    this.strides = args.strides ?? args.poolSize;
    this.padding = args.padding ?? 'valid';
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const out = (n: number | null) =>
      n === null ? null : this.padding === 'same' ? Math.ceil(n / this.strides) : Math.floor((n - this.poolSize) / this.strides) + 1;
    return [s[0], out(s[1]), out(s[2]), s[3]];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
    return minPool(x, this.poolSize, this.strides, this.padding);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), poolSize: this.poolSize, strides: this.strides, padding: this.padding };
  }
}

tf.serialization.registerClass(MinPooling2D);
