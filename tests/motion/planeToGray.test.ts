import { describe, expect, it } from 'vitest';
import { LUMA_WEIGHTS, planeToGray, rgbToGray, type PixelPlane } from '../../src/core/motion/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

/** The definition, pixel by pixel: the mean luma of each factor x factor block. */
function reference(bytes: Uint8Array, plane: PixelPlane, factor: number): number[] {
  const out: number[] = [];
  const { channels: c } = plane;
  const luma = (p: number) =>
    c === 'luma' ? bytes[p] : LUMA_WEIGHTS[0] * bytes[p + c[0]] + LUMA_WEIGHTS[1] * bytes[p + c[1]] + LUMA_WEIGHTS[2] * bytes[p + c[2]];
  for (let oy = 0; oy < Math.floor(plane.height / factor); oy++) {
    for (let ox = 0; ox < Math.floor(plane.width / factor); ox++) {
      let sum = 0;
      for (let y = oy * factor; y < (oy + 1) * factor; y++) {
        for (let x = ox * factor; x < (ox + 1) * factor; x++) sum += luma(plane.offset + y * plane.stride + x * (c === 'luma' ? 1 : 4));
      }
      out.push(sum / (factor * factor));
    }
  }
  return out;
}

describe('planeToGray', () => {
  it('box-averages a luma plane with row padding and an offset', () => {
    // 5x3 plane (stride 7, 2 bytes of padding per row) after 3 header bytes; factor 2 keeps 2x1.
    const rows = [
      [10, 20, 30, 40, 99],
      [50, 60, 70, 80, 99],
      [99, 99, 99, 99, 99],
    ];
    const bytes = new Uint8Array(3 + 3 * 7).fill(255);
    rows.forEach((r, y) => bytes.set(r, 3 + y * 7));
    const g = planeToGray(bytes, { width: 5, height: 3, stride: 7, offset: 3, channels: 'luma' }, 2);
    expect([g.width, g.height]).toEqual([2, 1]);
    expect([...g.data]).toEqual([(10 + 20 + 50 + 60) / 4, (30 + 40 + 70 + 80) / 4]);
  });

  it('converts BGRA pixels with the RGB luma weights (same as rgbToGray on the RGBA order)', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 12, 34, 56, 255]);
    const bgra = new Uint8Array(rgba.length);
    for (let i = 0; i < rgba.length; i += 4) bgra.set([rgba[i + 2], rgba[i + 1], rgba[i], rgba[i + 3]], i);
    const expected = rgbToGray(rgba, 2, 2, 4);
    const got = planeToGray(bgra, { width: 2, height: 2, stride: 8, offset: 0, channels: [2, 1, 0] }, 1);
    expect(got.width).toBe(2);
    for (let i = 0; i < 4; i++) expect(got.data[i]).toBeCloseTo(expected.data[i], 4);
    const half = planeToGray(bgra, { width: 2, height: 2, stride: 8, offset: 0, channels: [2, 1, 0] }, 2);
    expect(half.data[0]).toBeCloseTo(expected.data.reduce((a, b) => a + b, 0) / 4, 4);
  });

  it.each([1, 2, 3])('matches the block-mean definition at factor %i on a padded 11x7 plane (luma exactly, BGRA within 1e-4)', (factor) => {
    const random = seededRandom(factor);
    const bytes = Uint8Array.from({ length: 5 + 7 * 50 }, () => Math.floor(256 * random()));
    const luma: PixelPlane = { width: 11, height: 7, stride: 13, offset: 5, channels: 'luma' };
    const bgra: PixelPlane = { width: 11, height: 7, stride: 50, offset: 5, channels: [2, 1, 0] };
    const g = planeToGray(bytes, luma, factor);
    expect([g.width, g.height]).toEqual([Math.floor(11 / factor), Math.floor(7 / factor)]);
    expect([...g.data]).toEqual(reference(bytes, luma, factor).map(Math.fround));
    const c = planeToGray(bytes, bgra, factor);
    const expected = reference(bytes, bgra, factor);
    expect(c.data).toHaveLength(expected.length);
    c.data.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-4));
  });

  it('reuses the output buffer and rejects short buffers and bad factors with the sizes named', () => {
    const bytes = new Uint8Array(16).fill(8);
    const plane = { width: 4, height: 4, stride: 4, offset: 0, channels: 'luma' } as const;
    const out = new Float32Array(4).fill(123);
    expect(planeToGray(bytes, plane, 2, out).data).toBe(out);
    expect([...out]).toEqual([8, 8, 8, 8]);
    expect(() => planeToGray(bytes.subarray(0, 15), plane, 2)).toThrow(/15 bytes for a 4x4 plane/);
    expect(() => planeToGray(bytes, plane, 0)).toThrow(/factor is 0/);
  });
});
