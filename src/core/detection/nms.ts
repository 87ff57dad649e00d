/** Class-aware non-maximum suppression on pixel boxes, on plain arrays (the boxes are already on the CPU). */
import { iouTlbr, type Tlbr } from '../geometry/boxes';

export interface Candidate {
  readonly box: Tlbr;
  readonly score: number;
  readonly classId: number;
}

/**
 * Returns indices into `candidates` that survive NMS, best score first (ties
 * keep input order). Greedy, like `tf.image.nonMaxSuppression`: a candidate is
 * dropped when its IoU with an already kept box of the same class is above
 * `iouThreshold`; boxes of different classes never suppress each other.
 */
export function classAwareNms(candidates: readonly Candidate[], iouThreshold: number, maxOutput: number): number[] {
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[b].score - candidates[a].score || a - b);
  const kept: number[] = [];
  for (const i of order) {
    if (kept.length >= maxOutput) break;
    const c = candidates[i];
    const suppressed = kept.some((k) => candidates[k].classId === c.classId && iouTlbr(candidates[k].box, c.box) > iouThreshold);
    if (!suppressed) kept.push(i);
  }
  return kept;
}
