import { iouTlwh } from '../geometry/boxes.ts';
import type { MotRow } from '../metrics/motFormat.ts';
import type { Detection } from '../tracking/types.ts';

/** A track's box and a detection are the same observation when they overlap at least this much (MOTChallenge's match IoU). */
export const SAME_OBSERVATION_IOU = 0.5;

/**
 * Summed appearance embeddings per track id: each row takes the embedding of
 * the detection on its frame that overlaps it most (IoU ≥ 0.5), so tracklet
 * means come from the detections alone, without the tracker's internals.
 * `detectionsAt(frame)` gets a 1-based frame's detections.
 */
export function trackEmbeddings(
  rows: readonly MotRow[],
  detectionsAt: (frame: number) => readonly Detection[] | undefined,
): Map<number, Float32Array> {
  const sums = new Map<number, Float32Array>();
  for (const r of rows) {
    let best: Detection | undefined;
    let bestIou = SAME_OBSERVATION_IOU;
    for (const d of detectionsAt(r.frame) ?? []) {
      if (!d.embedding) continue;
      const iou = iouTlwh(r.box, d.box);
      if (iou >= bestIou) [best, bestIou] = [d, iou];
    }
    if (!best?.embedding) continue;
    const sum = sums.get(r.id);
    if (sum) for (let k = 0; k < sum.length; k++) sum[k] += best.embedding[k];
    else sums.set(r.id, Float32Array.from(best.embedding));
  }
  return sums;
}
