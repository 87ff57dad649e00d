import type * as tf from '@tensorflow/tfjs';

/**
 * Disposes a compiled model *and* its optimizer. tf.js only disposes an
 * optimizer it created from a string; ours are passed as instances, so
 * model.dispose() alone leaks Adam/momentum slot variables.
 */
export function disposeModel(model: tf.LayersModel | null | undefined): void {
  if (!model) return;
  const opt = model.optimizer as tf.Optimizer | undefined;
  model.dispose();
  opt?.dispose();
}
