import { describe, expect, it } from 'vitest';
import { munkresAssignment } from '../../dev/munkresAssignment.ts';
import { GATED_COST, shortestAugmentingPath, solveGated } from '../../src/core/tracking/index.ts';
import type { CostMatrix } from '../../src/core/tracking/index.ts';
import { seededRandom } from './helpers.ts';

function totalCost(cost: Float64Array, cols: number, rowToCol: Int32Array): number {
  let sum = 0;
  rowToCol.forEach((c, r) => (sum += c >= 0 ? cost[r * cols + c] : 0));
  return sum;
}

const matrix = (rows: number[][]): CostMatrix => ({ data: Float64Array.from(rows.flat()), rows: rows.length, cols: rows[0].length });

describe('shortestAugmentingPath vs munkres-js', () => {
  const rand = seededRandom(20240611);
  const shapes: Array<[number, number]> = [
    [1, 1],
    [2, 2],
    [5, 5],
    [8, 8],
    [3, 7],
    [7, 3],
    [12, 12],
    [20, 15],
    [15, 20],
    [40, 40],
  ];
  for (const [rows, cols] of shapes) {
    it(`finds the same minimum total cost on random ${rows}x${cols} matrices`, () => {
      for (let trial = 0; trial < 10; trial++) {
        // Integer costs make ties common, which exercises degenerate pivots.
        const cost = Float64Array.from({ length: rows * cols }, () => (trial % 2 ? rand() : Math.floor(rand() * 10)));
        const ours = shortestAugmentingPath(cost, rows, cols);
        const ref = munkresAssignment(cost, rows, cols);
        expect(totalCost(cost, cols, ours)).toBeCloseTo(totalCost(cost, cols, ref), 9);
        // A valid assignment: min(rows, cols) distinct columns.
        const used = Array.from(ours).filter((c) => c >= 0);
        expect(used.length).toBe(Math.min(rows, cols));
        expect(new Set(used).size).toBe(used.length);
      }
    });
  }

  it('solves a hand-checked 3x3 case', () => {
    const cost = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    expect(Array.from(shortestAugmentingPath(cost, 3, 3))).toEqual([1, 0, 2]); // 1 + 2 + 2 = 5
  });
});

describe('solveGated', () => {
  it('never assigns a pair above maxCost, even when that leaves rows unmatched', () => {
    // The dense optimum would take (1, 1) = 10; it is gated, so row 1 stays unmatched.
    const pairs = solveGated(
      matrix([
        [0.1, 0.2],
        [0.3, 10],
      ]),
      0.5,
    );
    const sorted = pairs.sort((a, b) => a[0] - b[0]);
    expect(sorted).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(
      solveGated(
        matrix([
          [0.1, 0.9],
          [0.2, 0.9],
        ]),
        0.5,
      ),
    ).toEqual([[0, 0]]);
    expect(solveGated(matrix([[Infinity, Infinity]]), 0.5)).toEqual([]);
  });

  it('splits into blocks: unambiguous pairs skip the solver, ambiguous blocks are solved', () => {
    const calls: Array<[number, number]> = [];
    const spy = (c: Float64Array, r: number, k: number) => {
      calls.push([r, k]);
      return shortestAugmentingPath(c, r, k);
    };
    const I = Infinity;
    const m = matrix([
      [0.1, 0.2, I, I],
      [0.2, 0.9, I, I],
      [I, I, 0.3, I],
      [I, I, I, I],
    ]);
    const pairs = solveGated(m, 1, spy).sort((a, b) => a[0] - b[0]);
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
      [2, 2],
    ]);
    expect(calls).toEqual([[2, 2]]); // only the 2x2 block reached the dense solver
  });

  it("gives a block's dense solver GATED_COST for disallowed cells and rejects them", () => {
    let seen: number[] = [];
    const spy = (c: Float64Array, r: number, k: number) => {
      seen = Array.from(c);
      return shortestAugmentingPath(c, r, k);
    };
    const pairs = solveGated(
      matrix([
        [0.1, 0.2],
        [0.3, 5],
      ]),
      0.5,
      spy,
    );
    expect(seen).toEqual([0.1, 0.2, 0.3, GATED_COST]);
    expect(pairs.length).toBe(2);
  });

  it('matches a dense gated solve on random sparse matrices', () => {
    const rand = seededRandom(7);
    for (let trial = 0; trial < 30; trial++) {
      const rows = 1 + Math.floor(rand() * 30);
      const cols = 1 + Math.floor(rand() * 30);
      const data = Float64Array.from({ length: rows * cols }, () => (rand() < 0.15 ? rand() : Infinity));
      const pairs = solveGated({ data, rows, cols }, 1);
      const dense = munkresAssignment(
        data.map((v) => (v <= 1 ? v : GATED_COST)),
        rows,
        cols,
      );
      const densePairs = Array.from(dense).flatMap((c, r) => (c >= 0 && data[r * cols + c] <= 1 ? [[r, c]] : []));
      expect(pairs.length).toBe(densePairs.length);
      const sum = (ps: number[][]) => ps.reduce((s, [r, c]) => s + data[r * cols + c], 0);
      expect(sum(pairs)).toBeCloseTo(sum(densePairs), 9);
    }
  });
});
