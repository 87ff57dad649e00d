/**
 * Min-cost matching where some pairs are not allowed (NaN or +-Infinity in
 * the matrix), as py-motmetrics' `linear_sum_assignment` wrapper does it:
 * forbidden pairs get a cost larger than any set of allowed pairs, the full
 * assignment is solved, and pairs landing on a forbidden cell are dropped.
 * The result therefore has the most allowed pairs possible and, among those,
 * the least total cost.
 */
import { solveLap } from './lap.ts';

export function matchWithForbidden(dist: ArrayLike<number>, nRows: number, nCols: number): Array<[number, number]> {
  if (nRows === 0 || nCols === 0) return [];
  let sumAbs = 0;
  let anyAllowed = false;
  for (let k = 0; k < dist.length; k++) {
    if (Number.isFinite(dist[k])) {
      sumAbs += Math.abs(dist[k]);
      anyAllowed = true;
    }
  }
  if (!anyAllowed) return [];
  const big = 2 * sumAbs + 1;
  const cost = new Float64Array(dist.length);
  for (let k = 0; k < dist.length; k++) cost[k] = Number.isFinite(dist[k]) ? dist[k] : big;
  return solveLap(cost, nRows, nCols).pairs.filter(([r, c]) => Number.isFinite(dist[r * nCols + c]));
}
