/**
 * Kernel initialisers the panels offer. Glorot (Xavier) uniform keeps the
 * variance of activations about equal across layers for tanh/sigmoid; He
 * normal doubles it for ReLU (He et al. 2015); zeros gives every unit of a
 * layer the same weights and the same gradient, so they stay identical for
 * ever (symmetry is never broken). Biases always start at zero (Keras' default).
 */
import * as tf from '@tensorflow/tfjs';

export const KERNEL_INITS = ['glorot', 'he', 'zeros'] as const;
export type KernelInit = (typeof KERNEL_INITS)[number];

export function makeKernelInitializer(init: KernelInit, seed: number): ReturnType<typeof tf.initializers.zeros> {
  switch (init) {
    case 'glorot':
      return tf.initializers.glorotUniform({ seed });
    case 'he':
      return tf.initializers.heNormal({ seed });
    case 'zeros':
      return tf.initializers.zeros();
    default:
      throw new Error(`kernel initialiser is ${JSON.stringify(init)}; allowed: ${KERNEL_INITS.join(', ')}`);
  }
}

/**
 * True when every unit (column) of a dense layer has the same incoming
 * weights and bias, up to `tol`: the symptom of zeros initialisation.
 */
export function unitsIdentical(kernel: readonly number[][], bias: readonly number[], tol = 1e-7): boolean {
  const units = bias.length;
  for (let u = 1; u < units; u++) {
    if (Math.abs(bias[u] - bias[0]) > tol) return false;
    for (const row of kernel) if (Math.abs(row[u] - row[0]) > tol) return false;
  }
  return true;
}
