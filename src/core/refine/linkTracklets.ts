import { GATED_COST, solveGated } from '../tracking/assignmentSolver.ts';
import type { RefineConfig } from './config.ts';
import { centre, type Tracklet } from './tracklets.ts';

/** A link costs at most 1: each gate maps its threshold to cost 1. */
const MAX_LINK_COST = 1;

/** Cost of `b` continuing `a` after a gap, or null when a gate rejects the pair. */
export function linkCost(a: Tracklet, b: Tracklet, frameRate: number, c: RefineConfig): number | null {
  const gap = b.firstFrame - a.lastFrame;
  if (gap < Math.max(1, c.minLinkGapSeconds * frameRate) || gap > c.maxLinkGapSeconds * frameRate) return null;
  const end = a.rows[a.rows.length - 1];
  const start = b.rows[0];
  const ratio = end.box[3] / start.box[3];
  if (Math.max(ratio, 1 / ratio) > c.linkMaxHeightRatio) return null;
  // Motion: each tracklet extrapolated to the middle of the gap at its own end velocity.
  const va = a.endVelocity;
  const vb = b.startVelocity;
  const [ax, ay] = centre(end);
  const [bx, by] = centre(start);
  const half = gap / 2;
  const distance = Math.hypot(ax + va[0] * half - (bx - vb[0] * half), ay + va[1] * half - (by - vb[1] * half));
  const gate = c.linkBaseDistance + (c.linkDistancePerSecond * gap) / frameRate;
  const motion = distance / ((end.box[3] + start.box[3]) / 2) / gate;
  if (motion > MAX_LINK_COST) return null;
  if (!a.embedding || !b.embedding) return c.linkRequiresAppearance ? null : motion;
  let dot = 0;
  for (let k = 0; k < a.embedding.length; k++) dot += a.embedding[k] * b.embedding[k];
  const appearance = (1 - dot) / c.linkMaxCosineDistance;
  if (appearance > MAX_LINK_COST) return null;
  return c.linkMotionWeight * motion + (1 - c.linkMotionWeight) * appearance;
}

/**
 * Joins tracklets of one object across gaps: every (ends, starts) pair the
 * gates allow gets a cost, and the exact LAP (`solveGated`, block by block)
 * picks at most one successor per tracklet and one predecessor per
 * tracklet. Links go forward in time, so chains never overlap. Returns
 * each tracklet's new id: the id of its chain's first tracklet.
 */
export function linkTracklets(tracklets: readonly Tracklet[], frameRate: number, config: RefineConfig): Map<number, number> {
  const n = tracklets.length;
  const data = new Float64Array(n * n).fill(GATED_COST);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const cost = linkCost(tracklets[i], tracklets[j], frameRate, config);
      if (cost !== null) data[i * n + j] = cost;
    }
  }
  const next = new Map<number, number>();
  const hasPrev = new Set<number>();
  for (const [i, j] of solveGated({ data, rows: n, cols: n }, MAX_LINK_COST)) {
    next.set(i, j);
    hasPrev.add(j);
  }
  const newId = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (hasPrev.has(i)) continue;
    const id = tracklets[i].id;
    for (let k: number | undefined = i; k !== undefined; k = next.get(k)) newId.set(tracklets[k].id, id);
  }
  return newId;
}
