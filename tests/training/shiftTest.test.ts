import { describe, expect, it } from 'vitest';
import { accuracyOf, accuracyVsShift, shiftImages, shiftOffsets } from '../../src/core/training/shiftTest.ts';

// One 3×4 image, values 1..12, row-major.
const img = Float32Array.from({ length: 12 }, (_, i) => i + 1);

describe('shiftImages (zero fill, whole pixels)', () => {
  it('moves right and down, filling with zeros', () => {
    expect(Array.from(shiftImages(img, 1, 3, 4, 1, 0))).toEqual([0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11]);
    expect(Array.from(shiftImages(img, 1, 3, 4, 0, 2))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    expect(Array.from(shiftImages(img, 1, 3, 4, 2, 1))).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 5, 6]);
  });

  it('moves left and up, and off the image entirely', () => {
    expect(Array.from(shiftImages(img, 1, 3, 4, -1, -1))).toEqual([6, 7, 8, 0, 10, 11, 12, 0, 0, 0, 0, 0]);
    expect(Array.from(shiftImages(img, 1, 3, 4, -4, 0))).toEqual(new Array(12).fill(0));
    expect(Array.from(shiftImages(img, 1, 3, 4, 0, 0))).toEqual(Array.from(img));
  });

  it('shifts every image of a batch by the same offset and leaves the input alone', () => {
    const two = Float32Array.from([...img, ...img.map((v) => -v)]);
    const out = shiftImages(two, 2, 3, 4, 1, 0);
    expect(Array.from(out.slice(12))).toEqual([0, -1, -2, -3, 0, -5, -6, -7, 0, -9, -10, -11]);
    expect(two[0]).toBe(1);
  });

  it('rejects bad sizes and offsets, naming the value', () => {
    expect(() => shiftImages(img, 2, 3, 4, 0, 0)).toThrow(/pixels has 12 values; expected count × height × width = 24/);
    expect(() => shiftImages(img, 1, 3, 4, 0.5, 0)).toThrow(/dx is 0.5/);
    expect(() => shiftOffsets('sideways' as never, 1)).toThrow(/direction is "sideways"/);
  });
});

describe('accuracy against shift', () => {
  it('lists the offsets of each direction', () => {
    expect(shiftOffsets('all', 0)).toEqual([[0, 0]]);
    expect(shiftOffsets('all', 2)).toEqual([
      [2, 0],
      [-2, 0],
      [0, 2],
      [0, -2],
    ]);
    expect(shiftOffsets('up', 3)).toEqual([[0, -3]]);
  });

  it('counts hits', () => {
    expect(accuracyOf([1, 2, 3, 4], [1, 0, 3, 0])).toBe(0.5);
    expect(() => accuracyOf([1], [1, 2])).toThrow(/1 predictions for 2 labels/);
  });

  it('sweeps a classifier over shifts 0..maxShift', async () => {
    // A 1×5 "image" per sample with one lit pixel; the classifier answers the lit column, a
    // position-bound model like a dense net. Labels are the unshifted columns 1, 2 and 3.
    const px = new Float32Array(15);
    [1, 2, 3].forEach((col, i) => (px[i * 5 + col] = 1));
    const classify = async (p: Float32Array, count: number) =>
      Array.from({ length: count }, (_, i) => Array.from(p.slice(i * 5, i * 5 + 5)).indexOf(1));
    const right = await accuracyVsShift(classify, px, [1, 2, 3], { height: 1, width: 5, maxShift: 2, direction: 'right' });
    expect(right).toEqual([1, 0, 0]);
    // Up/down move a 1-row image off the frame (nothing lit: -1); left/right move the column.
    // A classifier that ignores position except for "is anything lit" keeps its accuracy while the ink stays inside.
    const lit = async (p: Float32Array, count: number) =>
      Array.from({ length: count }, (_, i) => (p.slice(i * 5, i * 5 + 5).some((v) => v > 0) ? [1, 2, 3][i] : -1));
    const all = await accuracyVsShift(lit, px, [1, 2, 3], { height: 1, width: 5, maxShift: 2, direction: 'all' });
    // Shift 1: right/left keep all 3 inside (column 3 → 4, column 1 → 0); up/down lose all → (1 + 1 + 0 + 0) / 4.
    // Shift 2: right keeps columns 1, 2 (→ 3, 4); left keeps 2, 3 (→ 0, 1) → (2/3 + 2/3 + 0 + 0) / 4.
    expect(all).toEqual([1, 0.5, (2 / 3 + 2 / 3) / 4]);
  });
});
