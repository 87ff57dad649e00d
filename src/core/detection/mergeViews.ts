/**
 * Merges the detections of several views of one frame (accuracy mode):
 * class-aware NMS over all of them, then each kept box's score fused from the
 * views whose boxes it suppressed. Boxes must already be in frame pixels.
 */
import { iouTlbr, tlwhToTlbr } from '../geometry/boxes.ts';
import type { ScoreFusion } from './accuracyConfig.ts';
import { classAwareNms, type Candidate } from './nms.ts';
import type { Detection } from './types.ts';

export interface MergeOptions {
  /** Same-class boxes overlapping more than this IoU are one object. */
  readonly iouThreshold: number;
  readonly maxDetections: number;
  readonly fusion: ScoreFusion;
}

/** One box found by a view. */
export interface ViewMember<D> {
  readonly view: number;
  readonly detection: D;
}

export interface MergedDetection<D> {
  /** The kept (best-scoring) box, with the fused score. */
  readonly detection: D;
  /** Every box it stands for, the kept one first. */
  readonly members: readonly ViewMember<D>[];
}

function fuse(members: readonly ViewMember<Detection>[], fusion: ScoreFusion): number {
  const best = new Map<number, number>();
  for (const { view, detection } of members) best.set(view, Math.max(best.get(view) ?? 0, detection.score));
  const scores = [...best.values()];
  return fusion === 'max' ? Math.max(...scores) : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/**
 * `views[v]`: view v's detections. Returns the merged detections by fused
 * score, best first (ties keep NMS order). A suppressed box joins the first
 * kept box, in score order, that suppressed it, as greedy NMS decides.
 */
export function mergeViews<D extends Detection>(views: readonly (readonly D[])[], options: MergeOptions): MergedDetection<D>[] {
  const all: ViewMember<D>[] = views.flatMap((dets, view) => dets.map((detection) => ({ view, detection })));
  const candidates: Candidate[] = all.map(({ detection: d }) => ({ box: tlwhToTlbr(d.box), score: d.score, classId: d.classId }));
  const kept = classAwareNms(candidates, options.iouThreshold, options.maxDetections);
  const groups = kept.map((k) => [all[k]]);
  const isKept = new Set(kept);
  candidates.forEach((c, j) => {
    if (isKept.has(j)) return;
    const g = kept.findIndex((k) => candidates[k].classId === c.classId && iouTlbr(candidates[k].box, c.box) > options.iouThreshold);
    if (g >= 0) groups[g].push(all[j]);
  });
  return groups
    .map((members, order) => ({ order, members, score: fuse(members, options.fusion) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ members, score }) => ({ detection: { ...members[0].detection, score }, members }));
}
