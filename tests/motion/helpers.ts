import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { rgbToGray, sampleBilinear, type GrayImage, type MotionMeasurement } from '../../src/core/motion/index.ts';

/** Walkers in vtest frame 0 (tests/fixtures/media/vtest-f000.png), boxed by hand (tlwh, source pixels). */
export const WALKERS: readonly Tlwh[] = [
  [250, 218, 36, 92],
  [498, 155, 34, 80],
  [638, 238, 48, 86],
];

/** Every measurement is reliable and moved its walker box by (dx, dy), size unchanged, within 0.5 px. */
export function expectWalkersShifted(out: ReadonlyArray<Pick<MotionMeasurement, 'box' | 'reliable'>>, dx: number, dy: number): void {
  expect(out).toHaveLength(WALKERS.length);
  out.forEach((m, k) => {
    expect(m.reliable).toBe(true);
    expect(Math.abs(m.box[0] - (WALKERS[k][0] + dx))).toBeLessThan(0.5);
    expect(Math.abs(m.box[1] - (WALKERS[k][1] + dy))).toBeLessThan(0.5);
    expect(Math.abs(m.box[2] - WALKERS[k][2])).toBeLessThan(0.5);
    expect(Math.abs(m.box[3] - WALKERS[k][3])).toBeLessThan(0.5);
  });
}

/** A real test frame as grayscale (pngjs decodes to RGBA). */
export function readGray(path: string): GrayImage {
  const png = PNG.sync.read(readFileSync(path));
  return rgbToGray(png.data, png.width, png.height, 4);
}

/** `img` with its content moved by (dx, dy) pixels (bilinear, sub-pixel allowed; borders repeat). */
export function shiftImage(img: GrayImage, dx: number, dy: number): GrayImage {
  const data = new Float32Array(img.width * img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) data[y * img.width + x] = sampleBilinear(img, x - dx, y - dy);
  }
  return { width: img.width, height: img.height, data };
}

/** `img` with the box [x, y, w, h] painted over by seeded uniform noise (a synthetic occluder). */
export function occlude(img: GrayImage, [x, y, w, h]: readonly number[], random: () => number): GrayImage {
  const data = img.data.slice();
  for (let j = Math.max(0, y); j < Math.min(img.height, y + h); j++) {
    for (let i = Math.max(0, x); i < Math.min(img.width, x + w); i++) data[j * img.width + i] = 255 * random();
  }
  return { width: img.width, height: img.height, data };
}
