/**
 * Exact minimum-cost assignment of a dense rectangular matrix: the Hungarian
 * method with dual potentials, one Dijkstra-like shortest augmenting path per
 * row (the Jonker-Volgenant family), O(n²m) for n = min side. Shared by the
 * tracker (per gated block) and the MOT metrics (CLEAR, identity, HOTA
 * matching); tested against munkres-js on seeded random matrices.
 */

/** Dense solver: returns rowToCol (-1 = unassigned); every row is assigned when rows <= cols. */
export type DenseSolver = (cost: Float64Array, rows: number, cols: number) => Int32Array;

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

/** The exact solver (see file comment). Costs must be finite. */
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
