/**
 * Gaussian image pyramid for coarse-to-fine Lucas–Kanade: level 0 is the
 * image, each next level is blurred with the 5-tap binomial kernel
 * [1 4 6 4 1] / 16 (a Gaussian approximation, as in Burt & Adelson 1983 and
 * OpenCV's `pyrDown`) and halved in each dimension.
 */
import type { GrayImage } from './grayImage.ts';

/** Levels stop before an image side would drop below this (pixels). */
const MIN_LEVEL_SIDE = 16;

export type Pyramid = readonly GrayImage[];

const clampIndex = (i: number, n: number) => (i < 0 ? 0 : i >= n ? n - 1 : i);

/** One pyrDown step: separable binomial blur, keep every second pixel; borders replicate. */
export function pyrDown(src: GrayImage): GrayImage {
  const { width: w, height: h, data: s } = src;
  const ow = Math.ceil(w / 2);
  const oh = Math.ceil(h / 2);
  // Horizontal pass at output columns only, over every source row.
  const tmp = new Float32Array(ow * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let ox = 0; ox < ow; ox++) {
      const x = 2 * ox;
      tmp[y * ow + ox] =
        (s[row + clampIndex(x - 2, w)] +
          4 * s[row + clampIndex(x - 1, w)] +
          6 * s[row + x] +
          4 * s[row + clampIndex(x + 1, w)] +
          s[row + clampIndex(x + 2, w)]) /
        16;
    }
  }
  const out = new Float32Array(ow * oh);
  for (let oy = 0; oy < oh; oy++) {
    const y = 2 * oy;
    const r0 = clampIndex(y - 2, h) * ow;
    const r1 = clampIndex(y - 1, h) * ow;
    const r2 = y * ow;
    const r3 = clampIndex(y + 1, h) * ow;
    const r4 = clampIndex(y + 2, h) * ow;
    for (let ox = 0; ox < ow; ox++) {
      out[oy * ow + ox] = (tmp[r0 + ox] + 4 * tmp[r1 + ox] + 6 * tmp[r2 + ox] + 4 * tmp[r3 + ox] + tmp[r4 + ox]) / 16;
    }
  }
  return { width: ow, height: oh, data: out };
}

/** `levels` pyramid levels (fewer when the image gets too small); level 0 is `image` itself. */
export function buildPyramid(image: GrayImage, levels: number): Pyramid {
  const out: GrayImage[] = [image];
  while (out.length < levels) {
    const last = out[out.length - 1];
    if (Math.min(last.width, last.height) / 2 < MIN_LEVEL_SIDE) break;
    out.push(pyrDown(last));
  }
  return out;
}
