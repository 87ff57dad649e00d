import { describe, expect, it } from 'vitest';
import { countsToString, decodeCocoRle, encodeCocoRle, stringToCounts } from '../../src/core/export/cocoRle';
import { maskToCocoRle } from '../../src/core/export/maskToCoco';
import { encodeMaskRle } from '../../src/core/segmentation/rle';

/** A 25 x 25 row-major mask with the square [lo, hi) x [lo, hi) set. */
function square(lo: number, hi: number, n = 25): Uint8Array {
  const bits = new Uint8Array(n * n);
  for (let y = lo; y < hi; y++) for (let x = lo; x < hi; x++) bits[y * n + x] = 1;
  return bits;
}

/**
 * Known pycocotools outputs: `pycocotools.mask.encode(np.asfortranarray(m))`
 * for a 25 x 25 uint8 mask with `m[lo:hi, lo:hi] = 1`, as recorded in the
 * test cases of pytorchcocotools (which checks itself against pycocotools).
 */
const KNOWN = [
  { lo: 0, hi: 5, counts: '05d00000000d?' },
  { lo: 5, hi: 10, counts: 'R45d00000000b;' },
  { lo: 20, hi: 25, counts: 'X`05d00000000' },
];

describe('COCO RLE (pycocotools compressed counts)', () => {
  it.each(KNOWN)('decodes the known example m[$lo:$hi, $lo:$hi] and encodes it back', ({ lo, hi, counts }) => {
    expect(decodeCocoRle({ size: [25, 25], counts })).toEqual(square(lo, hi));
    expect(encodeCocoRle(square(lo, hi), 25, 25)).toEqual({ size: [25, 25], counts });
  });

  it('reads the mask column-major: a single row segment becomes one run per column', () => {
    const bits = new Uint8Array(3 * 4); // height 3, width 4; row 1, columns 1-2 set
    bits[1 * 4 + 1] = bits[1 * 4 + 2] = 1;
    expect(stringToCounts(encodeCocoRle(bits, 3, 4).counts)).toEqual([4, 1, 2, 1, 4]);
  });

  it('round-trips large and negative deltas', () => {
    const counts = [0, 100_000, 3, 1, 250_000, 7, 2];
    expect(stringToCounts(countsToString(counts))).toEqual(counts);
  });

  it('rejects strings that do not fill the size or use characters outside the code', () => {
    expect(() => decodeCocoRle({ size: [25, 25], counts: '05d0' })).toThrow(/covers 25 cells; expected 25 x 25/);
    expect(() => stringToCounts('0~')).toThrow(/"~" at 1/);
  });
});

describe('maskToCocoRle', () => {
  // A 2 x 2 model mask over a 4 x 4 frame: only the top-right cell is a person.
  const mask = { width: 2, height: 2, sourceWidth: 4, sourceHeight: 4, counts: [1, 1, 2] };

  it('upsamples the model mask to the frame size (nearest cell)', () => {
    const bits = decodeCocoRle(maskToCocoRle(mask));
    expect([...bits]).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('clips to an object box, and to nothing for a box outside the frame', () => {
    const rle = maskToCocoRle(mask, [2.5, 0, 1, 1.2]); // columns 2-3, rows 0-1
    expect([...decodeCocoRle(rle)]).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...decodeCocoRle(maskToCocoRle(mask, [3, 0, 1, 1]))]).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(decodeCocoRle(maskToCocoRle(mask, [10, 10, 5, 5])).every((b) => b === 0)).toBe(true);
  });

  it('agrees with the segmenter encoding at full resolution', () => {
    const data = new Float32Array(25 * 25).map((_, k) => square(5, 10)[k]);
    const rle = encodeMaskRle({ width: 25, height: 25, data, scaleX: 1, scaleY: 1, sourceWidth: 25, sourceHeight: 25 });
    expect(maskToCocoRle(rle).counts).toBe('R45d00000000b;');
  });
});
