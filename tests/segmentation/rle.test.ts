import { describe, expect, it } from 'vitest';
import { decodeMaskRle, encodeMaskRle, withSourceSize } from '../../src/core/segmentation/rle';
import type { PersonMask } from '../../src/core/segmentation/types';

const mask = (data: number[], width: number, height: number): PersonMask => ({
  width,
  height,
  data: Float32Array.from(data),
  scaleX: 0.5,
  scaleY: 0.5,
  sourceWidth: width * 2,
  sourceHeight: height * 2,
});

describe('mask run-length encoding', () => {
  it('encodes row-major runs starting with zeros, thresholded', () => {
    const m = mask([0.9, 0.8, 0.1, 0, 0.6, 0.4], 3, 2);
    expect(encodeMaskRle(m)).toEqual({ width: 3, height: 2, sourceWidth: 6, sourceHeight: 4, counts: [0, 2, 2, 1, 1] });
  });

  it('round-trips to a 0/1 mask with the same frame mapping', () => {
    const m = mask([0, 0, 1, 1, 1, 0, 0, 1], 4, 2);
    const back = decodeMaskRle(encodeMaskRle(m));
    expect(Array.from(back.data)).toEqual([0, 0, 1, 1, 1, 0, 0, 1]);
    expect(back).toMatchObject({ scaleX: 0.5, scaleY: 0.5, sourceWidth: 8, sourceHeight: 4 });
  });

  it('rejects runs that do not fill the grid, and remaps to another frame size', () => {
    expect(() => decodeMaskRle({ width: 2, height: 2, sourceWidth: 2, sourceHeight: 2, counts: [1, 2] })).toThrow(
      'mask RLE covers 3 cells; expected 2 x 2 = 4',
    );
    expect(withSourceSize(mask([0, 1], 2, 1), 8, 4)).toMatchObject({ scaleX: 0.25, scaleY: 0.25, sourceWidth: 8, sourceHeight: 4 });
  });
});
