import { describe, expect, it } from 'vitest';
import computeMunkres from 'munkres-js';
import { solveLap } from '../../src/core/metrics/index.ts';
import { matchWithForbidden } from '../../src/core/metrics/matchWithForbidden.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

function randomMatrix(rand: () => number, rows: number, cols: number, integer: boolean): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (integer ? Math.floor(rand() * 5) : rand() * 100 - 20)));
}

function costOf(m: number[][], pairs: ReadonlyArray<readonly [number, number]>): number {
  return pairs.reduce((s, [r, c]) => s + m[r][c], 0);
}

function expectValidAssignment(pairs: Array<[number, number]>, rows: number, cols: number): void {
  expect(pairs).toHaveLength(Math.min(rows, cols));
  expect(new Set(pairs.map(([r]) => r)).size).toBe(pairs.length);
  expect(new Set(pairs.map(([, c]) => c)).size).toBe(pairs.length);
  for (const [r, c] of pairs) {
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThan(rows);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(c).toBeLessThan(cols);
  }
}

describe('solveLap', () => {
  it('solves the munkres-js README example', () => {
    const m = [
      [400, 150, 400],
      [400, 450, 600],
      [300, 225, 300],
    ];
    const { pairs, cost } = solveLap(m.flat(), 3, 3);
    expect(cost).toBe(850);
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
      [2, 2],
    ]);
  });

  it('handles empty and single-element matrices', () => {
    expect(solveLap([], 0, 5)).toEqual({ pairs: [], cost: 0 });
    expect(solveLap([], 3, 0)).toEqual({ pairs: [], cost: 0 });
    expect(solveLap([7], 1, 1)).toEqual({ pairs: [[0, 0]], cost: 7 });
  });

  it('rejects a size mismatch and non-finite costs, naming the cell', () => {
    expect(() => solveLap([1, 2, 3], 2, 2)).toThrow(/3 entries, expected 2x2=4/);
    expect(() => solveLap([1, NaN, 3, 4], 2, 2)).toThrow(/cost\[0\]\[1\] is NaN/);
  });

  it('matches munkres-js on 600 random matrices, square and rectangular (seed 126)', () => {
    const rand = seededRandom(126);
    for (let k = 0; k < 600; k++) {
      const rows = 1 + Math.floor(rand() * 12);
      const cols = k % 3 === 0 ? rows : 1 + Math.floor(rand() * 12);
      const m = randomMatrix(rand, rows, cols, k % 2 === 0);
      const { pairs, cost } = solveLap(m.flat(), rows, cols);
      expectValidAssignment(pairs, rows, cols);
      const reference = costOf(m, computeMunkres(m.map((r) => [...r])));
      expect(cost).toBeCloseTo(reference, 9);
      expect(costOf(m, pairs)).toBeCloseTo(cost, 9);
    }
  });

  it('solves a 200x150 matrix quickly and no worse than munkres-js', () => {
    const rand = seededRandom(7);
    const m = randomMatrix(rand, 200, 150, false);
    const t0 = performance.now();
    const { cost } = solveLap(m.flat(), 200, 150);
    const lapMs = performance.now() - t0;
    const t1 = performance.now();
    const reference = costOf(m, computeMunkres(m.map((r) => [...r])));
    const munkresMs = performance.now() - t1;
    console.log(`solveLap 200x150: ${lapMs.toFixed(1)} ms; munkres-js: ${munkresMs.toFixed(1)} ms`);
    expect(cost).toBeCloseTo(reference, 6);
  });
});

describe('matchWithForbidden', () => {
  it('prefers more allowed pairs over a lower cost', () => {
    // Pairing (0,0) alone costs 0 but leaves row 1 unmatched; (0,1)+(1,0) uses both rows.
    const nan = NaN;
    expect(matchWithForbidden([0, 0.4, 0.4, nan], 2, 2)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
  it('drops pairs that land on forbidden cells and returns none when all are forbidden', () => {
    expect(matchWithForbidden([0.1, NaN, NaN, NaN], 2, 2)).toEqual([[0, 0]]);
    expect(matchWithForbidden([NaN, Infinity], 1, 2)).toEqual([]);
    expect(matchWithForbidden([], 0, 0)).toEqual([]);
  });
});
