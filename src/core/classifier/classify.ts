/** Batched inference of a custom head: every embedding in one predict and ONE readback. */
import * as tf from '@tensorflow/tfjs';

/** Class probabilities per embedding (same order). Throws on a wrong embedding length. */
export async function classify(model: tf.LayersModel, embeddings: readonly Float32Array[]): Promise<Float32Array[]> {
  if (embeddings.length === 0) return [];
  const dim = model.inputs[0].shape[1] as number;
  const bad = embeddings.findIndex((e) => e.length !== dim);
  if (bad >= 0) throw new RangeError(`embedding ${bad} has length ${embeddings[bad].length}; the classifier expects ${dim}`);
  const flat = new Float32Array(embeddings.length * dim);
  embeddings.forEach((e, i) => flat.set(e, i * dim));
  const probs = tf.tidy(() => model.predict(tf.tensor2d(flat, [embeddings.length, dim])) as tf.Tensor2D);
  try {
    const data = (await probs.data()) as Float32Array;
    const n = probs.shape[1];
    return embeddings.map((_, i) => data.slice(i * n, (i + 1) * n));
  } finally {
    probs.dispose();
  }
}

/** Index of the largest value (first on ties); -1 for an empty array. */
export function argmax(values: ArrayLike<number>): number {
  let k = -1;
  for (let i = 0; i < values.length; i++) if (k < 0 || values[i] > values[k]) k = i;
  return k;
}
