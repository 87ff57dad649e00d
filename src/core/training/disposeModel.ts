import type * as tf from '@tensorflow/tfjs';
import { disposeOptimizer } from './optimizers.ts';

/**
 * Disposes a compiled model *and* its optimizer. tf.js only disposes an
 * optimizer it created from a string; ours are passed as instances, so
 * model.dispose() alone leaks Adam/momentum slot variables (and tfjs's own
 * momentum dispose leaks a scalar: see disposeOptimizer).
 */
export function disposeModel(model: tf.LayersModel | null | undefined): void {
  if (!model) return;
  const opt = model.optimizer as tf.Optimizer | undefined;
  model.dispose();
  if (opt) disposeOptimizer(opt);
}
