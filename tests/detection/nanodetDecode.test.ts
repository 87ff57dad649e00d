import { describe, expect, it } from 'vitest';
import { expectedBin, NANODET_BINS, nanoDetCandidates, type NanoDetLevel } from '../../src/core/detection/nanodetDecode';

/** Logits whose softmax puts (almost) all mass on `bin`. */
const peaked = (bin: number): number[] => Array.from({ length: NANODET_BINS }, (_, k) => (k === bin ? 50 : 0));

/** A level of `grid`² cells and `classes` classes, all scores and logits 0 (uniform bins) until set. */
function level(stride: number, grid: number, classes: number): NanoDetLevel & { scores: Float32Array; boxes: Float32Array } {
  const cells = grid * grid;
  return { stride, scores: new Float32Array(cells * classes), boxes: new Float32Array(cells * 4 * NANODET_BINS) };
}

describe('NanoDet GFL decode', () => {
  it('takes the softmax expectation of the distance bins', () => {
    expect(expectedBin(Float32Array.from(peaked(3)), 0)).toBeCloseTo(3, 6);
    // Two equal logits at bins 2 and 4: expectation 3, whatever the other bins' (−∞-like) logits.
    const two = Float32Array.from({ length: NANODET_BINS }, (_, k) => (k === 2 || k === 4 ? 10 : -40));
    expect(expectedBin(two, 0)).toBeCloseTo(3, 6);
    // Uniform: the mean of 0..10.
    expect(expectedBin(new Float32Array(NANODET_BINS), 0)).toBeCloseTo(5, 6);
  });

  it('decodes a cell to centre ± distances × stride, per class above the threshold, clipped to the input', () => {
    const classes = 3;
    const fine = level(8, 4, classes); // 32² input: 4 × 4 cells at stride 8
    const coarse = level(16, 2, classes);
    const cell = 1 * 4 + 2; // row 1, column 2: centre (20, 12)
    fine.scores[cell * classes + 2] = 0.9;
    fine.scores[cell * classes + 0] = 0.4;
    fine.scores[0 * classes + 1] = 0.1; // below the threshold
    const sides = [peaked(1), peaked(0), peaked(2), peaked(3)]; // left 8, top 0, right 16, bottom 24 px
    fine.boxes.set(sides.flat(), cell * 4 * NANODET_BINS);
    coarse.scores[3 * classes + 1] = 0.5; // cell (1, 1) at stride 16: centre (24, 24), zero distances
    coarse.boxes.set(
      [0, 1, 2, 3].flatMap(() => peaked(0)),
      3 * 4 * NANODET_BINS,
    );
    const rows = Array.from(nanoDetCandidates([fine, coarse], 32, classes, 0.3));
    const expected = [
      [12, 12, 32, 32, 0.4, 0], // x2 = 20 + 16 = 36 and y2 = 12 + 24 = 36, clipped to 32
      [12, 12, 32, 32, 0.9, 2],
      [24, 24, 24, 24, 0.5, 1],
    ];
    expect(rows.length).toBe(expected.length * 6);
    expected.flat().forEach((v, i) => expect(rows[i]).toBeCloseTo(v, 4));
  });

  it('rejects heads whose sizes do not match the grid, naming the stride', () => {
    const bad = level(8, 3, 2);
    expect(() => nanoDetCandidates([bad], 32, 2, 0.3)).toThrow('NanoDet stride 8: 9 cells');
  });
});
