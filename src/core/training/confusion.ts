/** Confusion matrix (pure) and batched class prediction. */
import * as tf from '@tensorflow/tfjs';

/** m[t][p] = number of samples with true class t predicted as p. */
export function confusionMatrix(yTrue: readonly number[], yPred: readonly number[], classes: number): number[][] {
  if (yTrue.length !== yPred.length)
    throw new Error(`confusion matrix got ${yTrue.length} labels and ${yPred.length} predictions; they must match`);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  yTrue.forEach((t, i) => {
    const p = yPred[i];
    if (!(t >= 0 && t < classes && p >= 0 && p < classes)) throw new Error(`class ${t}/${p} at #${i} is outside 0..${classes - 1}`);
    m[t][p]++;
  });
  return m;
}

export function accuracyFromConfusion(m: readonly number[][]): number {
  const total = m.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  return total === 0 ? 0 : m.reduce((s, row, i) => s + row[i], 0) / total;
}

/** Argmax class per sample, predicted in batches (frees each batch before the next). */
export async function predictClasses(model: tf.LayersModel, x: tf.Tensor, batchSize = 256): Promise<number[]> {
  const n = x.shape[0];
  const out: number[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const cls = tf.tidy(() => {
      const xb = tf.slice(x, start, Math.min(batchSize, n - start));
      return tf.argMax(model.predict(xb) as tf.Tensor, -1);
    });
    try {
      out.push(...(await cls.data()));
    } finally {
      cls.dispose();
    }
  }
  return out;
}
