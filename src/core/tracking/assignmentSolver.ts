/**
 * Minimum-cost assignment for rectangular cost matrices.
 *
 * - `shortestAugmentingPath`: exact O(n²m) Hungarian method with dual
 *   potentials, one Dijkstra-like shortest augmenting path per row (the
 *   Jonker-Volgenant family). The default.
 * - `munkresAssignment`: munkres-js, kept as the reference both are tested
 *   and benchmarked against.
 * - `solveGated`: splits the matrix into independent blocks (connected
 *   components of the allowed pairs), takes unambiguous blocks directly
 *   (SORT's shortcut) and solves the rest densely.
 */
import computeMunkres from 'munkres-js';

/** Row-major cost matrix. */
export interface CostMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Dense solver: returns rowToCol (-1 = unassigned); every row is assigned when rows <= cols. */
export type DenseSolver = (cost: Float64Array, rows: number, cols: number) => Int32Array;

/**
 * Cost given to disallowed pairs inside a block handed to a dense solver:
 * finite so every solver stays well defined, far above any allowed cost (all
 * tracker costs lie in [0, 1]), and rejected after solving (deep_sort's rule).
 */
export const GATED_COST = 1e5;

function transpose(cost: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = cost[i * cols + j];
  return t;
}

function invert(colToRow: Int32Array, rows: number): Int32Array {
  const rowToCol = new Int32Array(rows).fill(-1);
  for (let j = 0; j < colToRow.length; j++) if (colToRow[j] >= 0) rowToCol[colToRow[j]] = j;
  return rowToCol;
}

/** Exact shortest-augmenting-path solver (see file comment). */
export const shortestAugmentingPath: DenseSolver = (cost, rows, cols) => {
  if (rows > cols) return invert(shortestAugmentingPath(transpose(cost, rows, cols), cols, rows), rows);
  // 1-based: index 0 is a virtual column holding the row being inserted.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const colRow = new Int32Array(cols + 1); // row assigned to column j (0 = none)
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    colRow[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = colRow[j0];
      const base = (i0 - 1) * cols - 1;
      const ui0 = u[i0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const reduced = cost[base + j] - ui0 - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[colRow[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (colRow[j0] !== 0);
    // Augment along the stored path.
    do {
      const j1 = way[j0];
      colRow[j0] = colRow[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (colRow[j] > 0) rowToCol[colRow[j] - 1] = j - 1;
  return rowToCol;
};

/** munkres-js adapter (reference implementation). */
export const munkresAssignment: DenseSolver = (cost, rows, cols) => {
  const rowToCol = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return rowToCol;
  const matrix: number[][] = [];
  for (let i = 0; i < rows; i++) matrix.push(Array.from(cost.subarray(i * cols, (i + 1) * cols)));
  for (const [r, c] of computeMunkres(matrix)) rowToCol[r] = c;
  return rowToCol;
};

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
