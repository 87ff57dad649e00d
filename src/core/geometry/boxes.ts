/**
 * Box formats used across detection, tracking and metrics.
 *
 * Every type states its coordinate space in its name's doc comment. Unless a
 * type says "normalised", coordinates are in source pixels (the original
 * frame's pixel grid, before any resize for inference).
 *
 * - `Tlwh`: top-left x, top-left y, width, height (MOTChallenge's layout).
 * - `Tlbr`: top-left x, top-left y, bottom-right x, bottom-right y.
 * - `Xyah`: centre x, centre y, aspect ratio w/h, height (DeepSORT's Kalman
 *   measurement space).
 */

/** Pixel box as [left, top, width, height]. */
export type Tlwh = readonly [x: number, y: number, w: number, h: number];
/** Pixel box as [left, top, right, bottom]. */
export type Tlbr = readonly [x1: number, y1: number, x2: number, y2: number];
/** Pixel box as [centreX, centreY, aspect = w / h, height]. */
export type Xyah = readonly [cx: number, cy: number, a: number, h: number];

export function tlwhToTlbr([x, y, w, h]: Tlwh): Tlbr {
  return [x, y, x + w, y + h];
}

export function tlbrToTlwh([x1, y1, x2, y2]: Tlbr): Tlwh {
  return [x1, y1, x2 - x1, y2 - y1];
}

export function tlwhToXyah([x, y, w, h]: Tlwh): Xyah {
  return [x + w / 2, y + h / 2, w / h, h];
}

export function xyahToTlwh([cx, cy, a, h]: Xyah): Tlwh {
  const w = a * h;
  return [cx - w / 2, cy - h / 2, w, h];
}

/** Intersection over union of two pixel boxes; 0 when either has no area. */
export function iouTlwh(a: Tlwh, b: Tlwh): number {
  const ix = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const iy = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (ix <= 0 || iy <= 0) return 0;
  const inter = ix * iy;
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}

/** Intersection over union of two [x1, y1, x2, y2] boxes. */
export function iouTlbr(a: Tlbr, b: Tlbr): number {
  return iouTlwh(tlbrToTlwh(a), tlbrToTlwh(b));
}
