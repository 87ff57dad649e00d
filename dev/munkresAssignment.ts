/**
 * munkres-js adapter with the tracker's dense-solver contract: the reference
 * the shortest-augmenting-path solver is tested against
 * (tests/tracking/assignmentSolver.test.ts) and the baseline of
 * `npm run bench:tracker`'s solver timings. Dev-only: the product uses
 * `shortestAugmentingPath` (src/core/assignment).
 */
import computeMunkres from 'munkres-js';
import type { DenseSolver } from '../src/core/assignment/shortestAugmentingPath.ts';

export const munkresAssignment: DenseSolver = (cost, rows, cols) => {
  const rowToCol = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return rowToCol;
  const matrix: number[][] = [];
  for (let i = 0; i < rows; i++) matrix.push(Array.from(cost.subarray(i * cols, (i + 1) * cols)));
  for (const [r, c] of computeMunkres(matrix)) rowToCol[r] = c;
  return rowToCol;
};
