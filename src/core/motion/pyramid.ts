/**
 * Image pyramid for coarse-to-fine Lucas–Kanade: level 0 is the image, each
 * next level averages 2x2 blocks (a box filter, as jsfeat's `pyrdown`; it
 * reads 4 pixels per output instead of the 25 of OpenCV's 5x5 Gaussian
 * `pyrDown`, and LK only needs the coarse levels for the initial guess).
 */
import type { GrayImage } from './grayImage.ts';

/** Levels stop before an image side would drop below this (pixels). */
const MIN_LEVEL_SIDE = 16;

export type Pyramid = readonly GrayImage[];

/**
 * One level down: each output pixel is the mean of a 2x2 block (an odd last
 * row or column is dropped). Writes into `out` when it has the right size.
 */
export function pyrDown(src: GrayImage, out?: Float32Array): GrayImage {
  const { width: w, data: s } = src;
  const ow = src.width >> 1;
  const oh = src.height >> 1;
  const dst = out && out.length === ow * oh ? out : new Float32Array(ow * oh);
  for (let oy = 0; oy < oh; oy++) {
    let i = 2 * oy * w;
    let o = oy * ow;
    for (let ox = 0; ox < ow; ox++, i += 2, o++) dst[o] = (s[i] + s[i + 1] + s[i + w] + s[i + w + 1]) * 0.25;
  }
  return { width: ow, height: oh, data: dst };
}

/**
 * `levels` pyramid levels (fewer when the image gets too small); level 0 is
 * `image` itself. Levels above 0 are written into `reuse`'s arrays when
 * their sizes match (a pyramid no longer in use).
 */
export function buildPyramid(image: GrayImage, levels: number, reuse?: Pyramid): Pyramid {
  const out: GrayImage[] = [image];
  while (out.length < levels) {
    const last = out[out.length - 1];
    if (Math.min(last.width, last.height) / 2 < MIN_LEVEL_SIDE) break;
    out.push(pyrDown(last, reuse?.[out.length]?.data));
  }
  return out;
}

/**
 * Pyramid levels for an image already downscaled by `scale` (gray pixels
 * per source pixel, at most 1) that reach at least as coarse a scale as
 * `levels` levels on the full-resolution image: a half-resolution gray
 * (scale 0.5) is level 1 of the full pyramid already, so it needs one level
 * less for the same search range in source pixels. At least 1.
 */
export function levelsAtScale(levels: number, scale: number): number {
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`levelsAtScale: scale is ${scale}; allowed: 0 < scale <= 1`);
  // The epsilon keeps exact powers of two (scale 0.5 → 1) from rounding down.
  return Math.max(1, levels - Math.floor(Math.log2(1 / scale) + 1e-9));
}
