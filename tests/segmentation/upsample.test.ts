import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleBilinear, sampleNearest } from '../../src/core/segmentation/maskSample.ts';
import { maskOutline, outputStride, upsampleMask } from '../../src/core/segmentation/upsample.ts';
import type { PersonMask } from '../../src/core/segmentation/types.ts';
import { useNodeBackend } from '../../src/node/backend.ts';

/** A coarse w × h grid standing for a frame of sourceWidth × sourceHeight pixels. */
function grid(width: number, height: number, values: number[], sourceWidth: number, sourceHeight: number): PersonMask {
  return {
    width,
    height,
    data: Float32Array.from(values),
    scaleX: width / sourceWidth,
    scaleY: height / sourceHeight,
    sourceWidth,
    sourceHeight,
  };
}

beforeAll(async () => {
  await useNodeBackend('cpu');
});

describe('output stride', () => {
  it('is input size / output size per axis', () => {
    expect(outputStride({ width: 512, height: 512 }, { width: 256, height: 144 })).toEqual({ x: 2, y: 512 / 144 });
    expect(outputStride({ width: 224, height: 224 }, { width: 7, height: 7 })).toEqual({ x: 32, y: 32 });
  });

  it('names a bad size', () => {
    expect(() => outputStride({ width: 512, height: 512 }, { width: 0, height: 144 })).toThrow(
      'output.width is 0; allowed: a positive integer',
    );
    expect(() => outputStride({ width: 51.5, height: 512 }, { width: 2, height: 2 })).toThrow('input.width is 51.5');
  });
});

describe('upsampling a coarse mask', () => {
  it('nearest copies each cell over its stride × stride block; bilinear ramps between cell centres', () => {
    const m = grid(2, 1, [0, 1], 4, 1); // stride 4 / 2 = 2
    expect(Array.from(upsampleMask(m, 'nearest'))).toEqual([0, 0, 1, 1]);
    expect(Array.from(upsampleMask(m, 'bilinear'))).toEqual([0, 0.25, 0.75, 1]);
  });

  it('samples a 2 × 2 grid at exact points', () => {
    const m = grid(2, 2, [0, 1, 2, 3], 2, 2);
    expect(sampleNearest(m, 1.5, 0.2)).toBe(1);
    expect(sampleNearest(m, -3, 9)).toBe(2); // clamped to the grid
    expect(sampleBilinear(m, 1, 1)).toBe(1.5); // the middle of all four centres
    expect(sampleBilinear(m, 0.5, 1.5)).toBe(2); // a cell centre gives the cell
    expect(sampleBilinear(m, 1.25, 0.5)).toBe(0.75);
  });

  it('matches tf.image.resizeNearestNeighbor and resizeBilinear with half-pixel centres', async () => {
    const values = Array.from({ length: 15 }, (_, i) => ((i * 7) % 11) / 10);
    const m = grid(5, 3, values, 11, 7);
    const t = tf.tensor3d(values, [3, 5, 1]);
    const near = tf.image.resizeNearestNeighbor(t, [7, 11], false, true);
    const bil = tf.image.resizeBilinear(t, [7, 11], false, true);
    const [n, b] = [Array.from(await near.data()), Array.from(await bil.data())];
    tf.dispose([t, near, bil]);
    expect(Array.from(upsampleMask(m, 'nearest'))).toEqual(n);
    Array.from(upsampleMask(m, 'bilinear')).forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
  });

  it('makes a diagonal edge a staircase with nearest and a finer line with bilinear', () => {
    // 3 × 3 lower-left triangle at stride 4
    const m = grid(3, 3, [1, 0, 0, 1, 1, 0, 1, 1, 1], 12, 12);
    const near = maskOutline(upsampleMask(m, 'nearest'), 12, 12, 0.5);
    const bil = maskOutline(upsampleMask(m, 'bilinear'), 12, 12, 0.5);
    // six 4 × 4 blocks; edge: 10 + 11 + 21 pixels in the three block rows (image border included)
    expect(near).toEqual({ inside: 96, edge: 42, top: { x: 1, y: 0 } });
    expect(bil.inside).not.toBe(near.inside);
  });
});

describe('maskOutline', () => {
  it('counts inside and edge pixels and finds the top of the mask', () => {
    // a 3 × 3 block in a 5 × 4 image: 9 inside, 8 on its edge (only the centre is interior)
    const data = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0];
    expect(maskOutline(data, 5, 4, 0.5)).toEqual({ inside: 9, edge: 8, top: { x: 2, y: 1 } });
    expect(maskOutline([0, 0.4], 2, 1, 0.5)).toEqual({ inside: 0, edge: 0, top: null });
  });
});
