/** Which detection of a frame a track was updated with: the best-IoU one, greedily, one detection per track. */
import { iouTlwh, type Tlwh } from '../geometry/boxes.ts';

/** Below this IoU a track and a detection are not the same object. */
export const MIN_MATCH_IOU = 0.3;

/** Index of the box in `boxes` that overlaps `box` most, or -1 when none reaches `minIou`. */
export function bestIouIndex(box: Tlwh, boxes: readonly Tlwh[], minIou = MIN_MATCH_IOU): number {
  let k = -1;
  let best = minIou;
  boxes.forEach((b, i) => {
    const v = iouTlwh(box, b);
    if (v >= best) [k, best] = [i, v];
  });
  return k;
}

/**
 * Pairs [trackIndex, detectionIndex], highest IoU first, each detection used
 * at most once (two tracks over one person must not both read its embedding).
 */
export function matchTracksToDetections(tracks: readonly Tlwh[], detections: readonly Tlwh[], minIou = MIN_MATCH_IOU): [number, number][] {
  const candidates: [number, number, number][] = [];
  tracks.forEach((t, i) =>
    detections.forEach((d, j) => {
      const v = iouTlwh(t, d);
      if (v >= minIou) candidates.push([v, i, j]);
    }),
  );
  candidates.sort((a, b) => b[0] - a[0]);
  const usedT = new Set<number>();
  const usedD = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedT.has(i) || usedD.has(j)) continue;
    usedT.add(i);
    usedD.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}
