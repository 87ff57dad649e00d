/**
 * Person recall at an IoU threshold: labelled boxes matched one-to-one to
 * detected person boxes, greedily by highest IoU first (the usual detection
 * evaluation match). Pure TypeScript.
 */
import { iouTlwh, type Tlwh } from '../../src/core/geometry/boxes';

/** Recall needs at least this IoU with a labelled box (PASCAL VOC / COCO AP50). */
export const RECALL_IOU = 0.5;

export interface MatchCount {
  /** Labelled boxes matched by a detection. */
  readonly matched: number;
  readonly labelled: number;
  readonly detected: number;
}

export function matchBoxes(labels: readonly Tlwh[], detections: readonly Tlwh[], minIou = RECALL_IOU): MatchCount {
  const pairs: Array<{ l: number; d: number; iou: number }> = [];
  labels.forEach((label, l) =>
    detections.forEach((det, d) => {
      const iou = iouTlwh(label, det);
      if (iou >= minIou) pairs.push({ l, d, iou });
    }),
  );
  pairs.sort((a, b) => b.iou - a.iou);
  const usedL = new Set<number>();
  const usedD = new Set<number>();
  for (const { l, d } of pairs) {
    if (usedL.has(l) || usedD.has(d)) continue;
    usedL.add(l);
    usedD.add(d);
  }
  return { matched: usedL.size, labelled: labels.length, detected: detections.length };
}

export function addCounts(a: MatchCount, b: MatchCount): MatchCount {
  return { matched: a.matched + b.matched, labelled: a.labelled + b.labelled, detected: a.detected + b.detected };
}

export const NO_MATCHES: MatchCount = Object.freeze({ matched: 0, labelled: 0, detected: 0 });
