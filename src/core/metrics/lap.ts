/**
 * Exact rectangular linear assignment (minimum total cost) for the metrics,
 * on the project's one dense solver (`src/core/assignment`).
 *
 * Input is a dense row-major `nRows x nCols` matrix of finite costs.
 * Every row is assigned when nRows <= nCols, every column otherwise, so
 * `min(nRows, nCols)` pairs come back.
 */
import { shortestAugmentingPath } from '../assignment/shortestAugmentingPath.ts';

export interface LapResult {
  /** Matched pairs as [row, col], ordered by row. */
  readonly pairs: Array<[number, number]>;
  /** Sum of the costs of the matched pairs. */
  readonly cost: number;
}

/**
 * Minimum-cost assignment of a dense row-major matrix. Throws when the
 * size does not match or a cost is not finite (callers encode forbidden
 * pairs themselves, see `matchWithForbidden`).
 */
export function solveLap(cost: ArrayLike<number>, nRows: number, nCols: number): LapResult {
  if (cost.length !== nRows * nCols) {
    throw new Error(`solveLap: cost has ${cost.length} entries, expected ${nRows}x${nCols}=${nRows * nCols}`);
  }
  for (let k = 0; k < cost.length; k++) {
    if (!Number.isFinite(cost[k])) throw new Error(`solveLap: cost[${Math.floor(k / nCols)}][${k % nCols}] is ${cost[k]}, must be finite`);
  }
  if (nRows === 0 || nCols === 0) return { pairs: [], cost: 0 };
  const rowToCol = shortestAugmentingPath(Float64Array.from(cost), nRows, nCols);
  const pairs: Array<[number, number]> = [];
  for (let r = 0; r < nRows; r++) if (rowToCol[r] >= 0) pairs.push([r, rowToCol[r]]);
  let total = 0;
  for (const [r, c] of pairs) total += cost[r * nCols + c];
  return { pairs, cost: total };
}
