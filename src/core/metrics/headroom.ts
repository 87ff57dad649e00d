/**
 * Oracle relabellings of a tracker's output, for measuring how much identity
 * accuracy is left to gain and where (`npm run bench:tracker -- --headroom`).
 * They read the ground truth, so they are diagnostics only: each answers
 * "what would IDF1 be if this step were perfect?" — the standard oracle
 * analysis of tracking papers. Boxes and frames are never changed, only ids.
 */
import { boxIou } from './boxIou.ts';
import { groupByFrame } from './groupByFrame.ts';
import type { MotRow } from './motFormat.ts';

/** MOTChallenge's match threshold. */
const MATCH_IOU = 0.5;

/** Ground-truth id each row overlaps best at IoU ≥ 0.5, or -1 (rows in input order). */
export function matchedGtIds(rows: readonly MotRow[], gt: readonly MotRow[]): Int32Array {
  const gtByFrame = groupByFrame(gt);
  return Int32Array.from(rows, (r) => {
    let best = MATCH_IOU;
    let id = -1;
    for (const g of gtByFrame.get(r.frame) ?? []) {
      const iou = boxIou(r.box, g.box);
      if (iou >= best) [best, id] = [iou, g.id];
    }
    return id;
  });
}

/** Row indices by track id, each list in frame order. */
function indicesByTrack(rows: readonly MotRow[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  rows.forEach((r, k) => (out.get(r.id) ?? out.set(r.id, []).get(r.id)!).push(k));
  for (const list of out.values()) list.sort((a, b) => rows[a].frame - rows[b].frame);
  return out;
}

/** Rows with new ids; where two rows of one frame get the same id, the first is kept. */
function relabel(rows: readonly MotRow[], ids: ArrayLike<number>): MotRow[] {
  const seen = new Set<string>();
  const out: MotRow[] = [];
  rows.forEach((r, k) => {
    const key = `${r.frame}:${ids[k]}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(ids[k] === r.id ? r : { ...r, id: ids[k] });
  });
  return out;
}

/** New ids are placed above every existing one. */
const freshIds = (rows: readonly MotRow[]) => rows.reduce((m, r) => Math.max(m, r.id), 0) + 1;

/**
 * Perfect linking: every track takes the id of the ground-truth identity it
 * covers most (tracks covering none keep their own), so all tracks of one
 * person become one. What IDF1 linking tracklets could reach at best.
 */
export function oracleLink(rows: readonly MotRow[], gt: readonly MotRow[]): MotRow[] {
  const gtIds = matchedGtIds(rows, gt);
  const base = freshIds(rows);
  const ids = Int32Array.from(rows, (r) => r.id);
  for (const list of indicesByTrack(rows).values()) {
    const votes = new Map<number, number>();
    for (const k of list) if (gtIds[k] >= 0) votes.set(gtIds[k], (votes.get(gtIds[k]) ?? 0) + 1);
    let dominant = -1;
    let most = 0;
    for (const [g, n] of votes) if (n > most) [dominant, most] = [g, n];
    if (dominant >= 0) for (const k of list) ids[k] = base + dominant;
  }
  return relabel(rows, ids);
}

/**
 * Perfect splitting: a track gets a new id wherever it moves on to another
 * ground-truth identity and stays on it for at least `minRun` matched rows
 * (shorter excursions and unmatched rows do not split). What IDF1 cutting
 * tracks at identity switches could reach at best, without any linking.
 */
export function oracleSplit(rows: readonly MotRow[], gt: readonly MotRow[], minRun: number): MotRow[] {
  const gtIds = matchedGtIds(rows, gt);
  const ids = Int32Array.from(rows, (r) => r.id);
  let next = freshIds(rows);
  for (const list of indicesByTrack(rows).values()) {
    let current = -1;
    let id = rows[list[0]].id;
    for (let i = 0; i < list.length; i++) {
      const g = gtIds[list[i]];
      if (g >= 0 && g !== current) {
        // Matched rows on `g` before the track matches a third identity.
        let run = 0;
        for (let j = i; j < list.length && (gtIds[list[j]] === g || gtIds[list[j]] < 0); j++) if (gtIds[list[j]] === g) run++;
        if (run >= minRun) {
          if (current >= 0) id = next++;
          current = g;
        }
      }
      ids[list[i]] = id;
    }
  }
  return relabel(rows, ids);
}
