/**
 * MOT16/17 devkit preprocessing as py-motmetrics' `preprocessResult` and its
 * issue-126 test apply it (stated in mot17-lift/expected.json):
 *
 * 1. Per frame, match results to ALL gt rows (any class) at IoU >= 0.5 with a
 *    max-cardinality, min-distance assignment.
 * 2. Drop results matched to gt rows of an ignored class.
 * 3. Keep only pedestrian gt rows; conf == 0 rows are kept.
 *
 * py-motmetrics also flags gt rows with visibility < 0; MOT17 visibilities
 * are in 0..1 and expected.json does not list that rule, so it is not applied.
 */
import type { MotRow } from './motFormat.ts';
import { groupByFrame } from './groupByFrame.ts';
import { iouMatrix } from './boxIou.ts';
import { matchWithForbidden } from './matchWithForbidden.ts';

export const MOT17_PEDESTRIAN = 1;
/** person_on_vhcl (2), static_person (7), distractor (8), reflection (12). */
export const MOT17_IGNORED_CLASSES: readonly number[] = [2, 7, 8, 12];
const MATCH_MAX_DISTANCE = 0.5; // 1 - IoU threshold 0.5

/** Result rows left after removing those that match ignored-class gt rows. */
export function removeDistractorMatches(gtRows: readonly MotRow[], resRows: readonly MotRow[]): MotRow[] {
  const gtByFrame = groupByFrame(gtRows);
  const dropped = new Set<MotRow>();
  for (const [frame, res] of groupByFrame(resRows)) {
    const gt = gtByFrame.get(frame);
    if (!gt) continue;
    const iou = iouMatrix(
      gt.map((r) => r.box),
      res.map((r) => r.box),
    );
    const dist = iou.map((v) => (1 - v > MATCH_MAX_DISTANCE ? NaN : 1 - v));
    for (const [i, j] of matchWithForbidden(dist, gt.length, res.length)) {
      const cls = gt[i].classId;
      if (cls === undefined) throw new Error(`mot17 protocol: gt row in frame ${frame} has no class column (needs 9 columns)`);
      if (MOT17_IGNORED_CLASSES.includes(cls)) dropped.add(res[j]);
    }
  }
  return resRows.filter((r) => !dropped.has(r));
}

/** Applies the whole protocol; evaluate the returned pair at IoU 0.5. */
export function applyMot17Protocol(gtRows: readonly MotRow[], resRows: readonly MotRow[]): { gt: MotRow[]; res: MotRow[] } {
  return {
    gt: gtRows.filter((r) => r.classId === MOT17_PEDESTRIAN),
    res: removeDistractorMatches(gtRows, resRows),
  };
}
