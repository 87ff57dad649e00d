/**
 * Minimum-cost assignment for rectangular cost matrices.
 *
 * - `shortestAugmentingPath` (src/core/assignment, shared with the metrics):
 *   the exact dense solver and the default.
 * - munkres-js is the reference both are tested and benchmarked against
 *   (`dev/munkresAssignment.ts`, dev-only).
 * - `solveGated`: splits the matrix into independent blocks (connected
 *   components of the allowed pairs), takes unambiguous blocks directly
 *   (SORT's shortcut) and solves the rest densely.
 */
import { shortestAugmentingPath, type DenseSolver } from '../assignment/shortestAugmentingPath.ts';

/** Row-major cost matrix. */
export interface CostMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

export type { DenseSolver } from '../assignment/shortestAugmentingPath.ts';
export { shortestAugmentingPath } from '../assignment/shortestAugmentingPath.ts';

/**
 * Cost given to disallowed pairs inside a block handed to a dense solver:
 * finite so every solver stays well defined, far above any allowed cost (all
 * tracker costs lie in [0, 1]), and rejected after solving (deep_sort's rule).
 */
export const GATED_COST = 1e5;

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/**
 * Minimum-cost matching using only pairs with cost <= maxCost. Returns
 * [row, col] pairs. Blocks are the connected components of allowed pairs;
 * a block with one row or one column is solved by a scan, larger ones by
 * `dense` with disallowed cells set to `GATED_COST` and rejected afterwards.
 */
export function solveGated(m: CostMatrix, maxCost: number, dense: DenseSolver = shortestAugmentingPath): Array<[number, number]> {
  const { data, rows, cols } = m;
  const parent = new Int32Array(rows + cols);
  for (let k = 0; k < parent.length; k++) parent[k] = k;
  const rowDegree = new Int32Array(rows);
  let edges = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (data[i * cols + j] > maxCost) continue;
      edges++;
      rowDegree[i]++;
      const a = find(parent, i);
      const b = find(parent, rows + j);
      if (a !== b) parent[a] = b;
    }
  }
  const pairs: Array<[number, number]> = [];
  if (edges === 0) return pairs;
  // Group rows and columns by component root.
  const blockRows = new Map<number, number[]>();
  const blockCols = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    if (rowDegree[i] === 0) continue;
    const r = find(parent, i);
    (blockRows.get(r) ?? blockRows.set(r, []).get(r)!).push(i);
  }
  for (let j = 0; j < cols; j++) {
    const r = find(parent, rows + j);
    if (blockRows.has(r)) (blockCols.get(r) ?? blockCols.set(r, []).get(r)!).push(j);
  }
  for (const [root, rs] of blockRows) solveBlock(data, cols, rs, blockCols.get(root)!, maxCost, dense, pairs);
  return pairs;
}

function solveBlock(
  data: Float64Array,
  cols: number,
  rs: number[],
  cs: number[],
  maxCost: number,
  dense: DenseSolver,
  out: Array<[number, number]>,
): void {
  if (rs.length === 1 || cs.length === 1) {
    // Unambiguous: one side has a single member, so the cheapest allowed pair wins.
    let best = Infinity;
    let bi = -1;
    let bj = -1;
    for (const i of rs) {
      for (const j of cs) {
        const c = data[i * cols + j];
        if (c <= maxCost && c < best) [best, bi, bj] = [c, i, j];
      }
    }
    out.push([bi, bj]);
    return;
  }
  const sub = new Float64Array(rs.length * cs.length);
  for (let a = 0; a < rs.length; a++) {
    for (let b = 0; b < cs.length; b++) {
      const c = data[rs[a] * cols + cs[b]];
      sub[a * cs.length + b] = c <= maxCost ? c : GATED_COST;
    }
  }
  const rowToCol = dense(sub, rs.length, cs.length);
  for (let a = 0; a < rs.length; a++) {
    const b = rowToCol[a];
    if (b >= 0 && sub[a * cs.length + b] <= maxCost) out.push([rs[a], cs[b]]);
  }
}
