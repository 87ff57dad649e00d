/** Copies of a model's weights, for NaN rollback and "restore best weights". */
import * as tf from '@tensorflow/tfjs';

/** Caller owns the returned tensors (see disposeWeights). */
export function snapshotWeights(model: tf.LayersModel): tf.Tensor[] {
  return tf.tidy(() => model.getWeights().map((w) => w.clone()));
}

/** setWeights copies, so the snapshot stays valid and still needs disposing. */
export function restoreWeights(model: tf.LayersModel, snapshot: tf.Tensor[]): void {
  model.setWeights(snapshot);
}

export function disposeWeights(snapshot: tf.Tensor[] | null | undefined): void {
  if (snapshot) tf.dispose(snapshot);
}
