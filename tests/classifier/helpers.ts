/** Shared helpers for the classifier suites: synthetic embeddings and an in-memory model store. */
import * as tf from '@tensorflow/tfjs';
import type { ClassSample } from '../../src/core/classifier/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

/** Unit vector of length `dim` near axis `axis` (noise `noise`), from a seeded generator. */
export function nearAxis(dim: number, axis: number, noise: number, rand: () => number): Float32Array {
  const v = new Float32Array(dim);
  for (let k = 0; k < dim; k++) v[k] = (rand() - 0.5) * 2 * noise;
  v[axis] += 1;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/** `perClass` samples for each name, class i near axis i. */
export function syntheticSamples(names: readonly string[], perClass: number, dim = 16, seed = 1): ClassSample[] {
  const rand = seededRandom(seed);
  return names.flatMap((className, i) => Array.from({ length: perClass }, () => ({ className, embedding: nearAxis(dim, i, 0.3, rand) })));
}

/** Save target + load source backed by one variable, like a one-slot IndexedDB. */
export function memoryStore(): { save: tf.io.IOHandler; load: () => tf.io.IOHandler; artifacts: () => tf.io.ModelArtifacts } {
  let stored: tf.io.ModelArtifacts | null = null;
  return {
    save: tf.io.withSaveHandler(async (a) => {
      stored = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
    load: () => tf.io.fromMemory(stored!),
    artifacts: () => stored!,
  };
}
