import type { GrayImage } from './grayImage.ts';

/**
 * Samples the `size` x `size` patch whose top-left sample sits at the
 * sub-pixel position (x, y), bilinearly, into `out` (row-major). Every
 * sample shares the same fractional offset, so the four weights are computed
 * once; samples outside the image repeat the border. Returns false (and
 * leaves `out` unspecified) when the patch lies entirely outside the image.
 */
export function samplePatch(img: GrayImage, x: number, y: number, size: number, out: Float32Array): boolean {
  const { width: w, height: h, data } = img;
  if (x + size < 0 || y + size < 0 || x > w - 1 || y > h - 1) return false;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const w00 = (1 - fx) * (1 - fy);
  const w01 = fx * (1 - fy);
  const w10 = (1 - fx) * fy;
  const w11 = fx * fy;
  const inside = x0 >= 0 && y0 >= 0 && x0 + size < w && y0 + size < h;
  let k = 0;
  for (let j = 0; j < size; j++) {
    if (inside) {
      let i0 = (y0 + j) * w + x0;
      for (let i = 0; i < size; i++, i0++) {
        out[k++] = w00 * data[i0] + w01 * data[i0 + 1] + w10 * data[i0 + w] + w11 * data[i0 + w + 1];
      }
    } else {
      const ya = Math.min(h - 1, Math.max(0, y0 + j));
      const yb = Math.min(h - 1, Math.max(0, y0 + j + 1));
      for (let i = 0; i < size; i++) {
        const xa = Math.min(w - 1, Math.max(0, x0 + i));
        const xb = Math.min(w - 1, Math.max(0, x0 + i + 1));
        out[k++] = w00 * data[ya * w + xa] + w01 * data[ya * w + xb] + w10 * data[yb * w + xa] + w11 * data[yb * w + xb];
      }
    }
  }
  return true;
}
