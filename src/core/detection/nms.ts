/** Class-aware non-maximum suppression on pixel boxes. */
import * as tf from '@tensorflow/tfjs';
import type { Tlbr } from '../geometry/boxes';

export interface Candidate {
  readonly box: Tlbr;
  readonly score: number;
  readonly classId: number;
}

/**
 * Returns indices into `candidates` that survive NMS, best score first.
 * Boxes of different classes never suppress each other: each class is shifted
 * by `classId * (maxCoord + 1)` so classes cannot overlap, and one
 * `nonMaxSuppressionAsync` call handles all of them (the batched-NMS trick).
 */
export async function classAwareNms(candidates: readonly Candidate[], iouThreshold: number, maxOutput: number): Promise<number[]> {
  if (candidates.length === 0) return [];
  let maxCoord = 0;
  for (const c of candidates) maxCoord = Math.max(maxCoord, Math.abs(c.box[2]), Math.abs(c.box[3]));
  const span = maxCoord + 1;
  const flat = new Float32Array(candidates.length * 4);
  candidates.forEach((c, i) => {
    const offset = c.classId * span;
    // tf.image NMS takes [y1, x1, y2, x2].
    flat.set([c.box[1] + offset, c.box[0] + offset, c.box[3] + offset, c.box[2] + offset], i * 4);
  });
  const boxes = tf.tensor2d(flat, [candidates.length, 4]);
  const scores = tf.tensor1d(candidates.map((c) => c.score));
  let kept: tf.Tensor1D | undefined;
  try {
    kept = await tf.image.nonMaxSuppressionAsync(boxes, scores, maxOutput, iouThreshold);
    return Array.from(await kept.data());
  } finally {
    tf.dispose([boxes, scores]);
    kept?.dispose();
  }
}
