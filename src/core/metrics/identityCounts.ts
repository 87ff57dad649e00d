/**
 * Identity metrics counts (Ristani et al. 2016, as py-motmetrics computes
 * them): gt trajectories and result trajectories are matched one-to-one,
 * globally over the sequence, to minimise ID false positives + ID false
 * negatives. That equals maximising the number of frames in which the matched
 * pair is within the IoU gate, so we solve a max-weight assignment on those
 * frame counts. Only ids that are ever within the gate of another id take
 * part; the rest would be matched to nothing anyway.
 */
import { solveLap } from './lap.ts';

export interface IdentityCounts {
  readonly idtp: number;
  readonly idfp: number;
  readonly idfn: number;
}

/** `pairGated` keys are `gtIndex * numResIds + resIndex`. */
export function identityCounts(
  pairGated: ReadonlyMap<number, number>,
  numResIds: number,
  numGt: number,
  numPredictions: number,
): IdentityCounts {
  const rowOf = new Map<number, number>();
  const colOf = new Map<number, number>();
  for (const key of pairGated.keys()) {
    const g = Math.floor(key / numResIds);
    const r = key - g * numResIds;
    if (!rowOf.has(g)) rowOf.set(g, rowOf.size);
    if (!colOf.has(r)) colOf.set(r, colOf.size);
  }
  const nRows = rowOf.size;
  const nCols = colOf.size;
  const cost = new Float64Array(nRows * nCols);
  for (const [key, frames] of pairGated) {
    const g = Math.floor(key / numResIds);
    const r = key - g * numResIds;
    cost[rowOf.get(g)! * nCols + colOf.get(r)!] = -frames;
  }
  const idtp = Math.abs(solveLap(cost, nRows, nCols).cost); // cost <= 0; abs avoids -0
  return { idtp, idfp: numPredictions - idtp, idfn: numGt - idtp };
}
