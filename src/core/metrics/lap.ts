/**
 * Exact rectangular linear assignment (minimum total cost), solved by
 * successive shortest augmenting paths with dual potentials
 * (Jonker-Volgenant family; the variant described by D. F. Crouse,
 * "On implementing 2D rectangular assignment algorithms", IEEE TAES 2016).
 *
 * Input is a dense row-major `nRows x nCols` matrix of finite costs.
 * Every row is assigned when nRows <= nCols, every column otherwise, so
 * `min(nRows, nCols)` pairs come back. Runs in O(n^2 m) for n = min side.
 */

export interface LapResult {
  /** Matched pairs as [row, col], ordered by row. */
  readonly pairs: Array<[number, number]>;
  /** Sum of the costs of the matched pairs. */
  readonly cost: number;
}

function transpose(cost: ArrayLike<number>, nRows: number, nCols: number): Float64Array {
  const t = new Float64Array(nRows * nCols);
  for (let r = 0; r < nRows; r++) for (let c = 0; c < nCols; c++) t[c * nRows + r] = cost[r * nCols + c];
  return t;
}

interface Workspace {
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly spc: Float64Array; // shortest path cost to each column
  readonly path: Int32Array; // row preceding each column on the path
  readonly col4row: Int32Array;
  readonly row4col: Int32Array;
  readonly sr: Uint8Array; // rows visited
  readonly sc: Uint8Array; // columns visited
  readonly remaining: Int32Array;
}

/** Dijkstra-like search from `start` to the cheapest free column; returns [sink, minVal]. */
function augmentingPath(cost: ArrayLike<number>, n: number, m: number, start: number, w: Workspace): [number, number] {
  let numRemaining = m;
  for (let j = 0; j < m; j++) w.remaining[j] = m - j - 1;
  w.sr.fill(0);
  w.sc.fill(0);
  w.spc.fill(Infinity);
  let minVal = 0;
  let i = start;
  for (;;) {
    w.sr[i] = 1;
    let index = -1;
    let lowest = Infinity;
    const base = i * m;
    for (let it = 0; it < numRemaining; it++) {
      const j = w.remaining[it];
      const r = minVal + cost[base + j] - w.u[i] - w.v[j];
      if (r < w.spc[j]) {
        w.path[j] = i;
        w.spc[j] = r;
      }
      if (w.spc[j] < lowest || (w.spc[j] === lowest && w.row4col[j] === -1)) {
        lowest = w.spc[j];
        index = it;
      }
    }
    if (index < 0 || !Number.isFinite(lowest)) throw new Error(`lap: no augmenting path from row ${start} (non-finite costs?)`);
    minVal = lowest;
    const j = w.remaining[index];
    w.sc[j] = 1;
    w.remaining[index] = w.remaining[--numRemaining];
    if (w.row4col[j] === -1) return [j, minVal];
    i = w.row4col[j];
  }
}

function updateDualsAndAugment(n: number, m: number, cur: number, sink: number, minVal: number, w: Workspace): void {
  w.u[cur] += minVal;
  for (let i = 0; i < n; i++) {
    if (w.sr[i] && i !== cur) w.u[i] += minVal - w.spc[w.col4row[i]];
  }
  for (let j = 0; j < m; j++) {
    if (w.sc[j]) w.v[j] -= minVal - w.spc[j];
  }
  let j = sink;
  for (;;) {
    const i = w.path[j];
    w.row4col[j] = i;
    const prev = w.col4row[i];
    w.col4row[i] = j;
    j = prev;
    if (i === cur) break;
  }
}

/** Solves with n <= m; returns col4row. */
function solveWide(cost: ArrayLike<number>, n: number, m: number): Int32Array {
  const w: Workspace = {
    u: new Float64Array(n),
    v: new Float64Array(m),
    spc: new Float64Array(m),
    path: new Int32Array(m).fill(-1),
    col4row: new Int32Array(n).fill(-1),
    row4col: new Int32Array(m).fill(-1),
    sr: new Uint8Array(n),
    sc: new Uint8Array(m),
    remaining: new Int32Array(m),
  };
  for (let cur = 0; cur < n; cur++) {
    const [sink, minVal] = augmentingPath(cost, n, m, cur, w);
    updateDualsAndAugment(n, m, cur, sink, minVal, w);
  }
  return w.col4row;
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
  const wide = nRows <= nCols;
  const mat = wide ? cost : transpose(cost, nRows, nCols);
  const n = wide ? nRows : nCols;
  const m = wide ? nCols : nRows;
  const col4row = solveWide(mat, n, m);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) pairs.push(wide ? [i, col4row[i]] : [col4row[i], i]);
  if (!wide) pairs.sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [r, c] of pairs) total += cost[r * nCols + c];
  return { pairs, cost: total };
}
