/**
 * IoU of two pixel boxes computed from corners, the way py-motmetrics
 * (`boxiou`) and TrackEval (`_calculate_box_ious`) do it: right/bottom edges
 * first, then widths as edge differences. Kept separate from `iouTlwh` so
 * parity with those tools does not depend on floating-point rounding order.
 */
import type { Tlwh } from '../geometry/boxes.ts';

export function boxIou(a: Tlwh, b: Tlwh): number {
  const ax2 = a[0] + a[2];
  const ay2 = a[1] + a[3];
  const bx2 = b[0] + b[2];
  const by2 = b[1] + b[3];
  const iw = Math.max(Math.min(ax2, bx2) - Math.max(a[0], b[0]), 0);
  const ih = Math.max(Math.min(ay2, by2) - Math.max(a[1], b[1]), 0);
  const inter = iw * ih;
  if (inter === 0) return 0;
  const areaA = Math.max(ax2 - a[0], 0) * Math.max(ay2 - a[1], 0);
  const areaB = Math.max(bx2 - b[0], 0) * Math.max(by2 - b[1], 0);
  const union = areaA + areaB - inter;
  return union > 0 ? inter / union : 0;
}

/** Row-major IoU matrix, `gt.length x res.length`. */
export function iouMatrix(gt: readonly Tlwh[], res: readonly Tlwh[]): Float64Array {
  const out = new Float64Array(gt.length * res.length);
  for (let i = 0; i < gt.length; i++) {
    for (let j = 0; j < res.length; j++) out[i * res.length + j] = boxIou(gt[i], res[j]);
  }
  return out;
}
