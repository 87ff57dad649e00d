/**
 * Full-frame person mask → the part inside one track's box, at source
 * resolution, so the renderer can colour each tracked person by its id.
 * Pure: no tensors, no DOM.
 */
import type { Tlwh } from '../geometry/boxes.ts';
import type { BoxMask, PersonMask } from './types.ts';

/** Bilinear sample of the mask at mask coordinates (pixel centres at +0.5). */
function sample(mask: PersonMask, mx: number, my: number): number {
  const x = Math.min(Math.max(mx - 0.5, 0), mask.width - 1);
  const y = Math.min(Math.max(my - 0.5, 0), mask.height - 1);
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, mask.width - 1);
  const y1 = Math.min(y0 + 1, mask.height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const row0 = mask.data[y0 * mask.width + x0] * (1 - fx) + mask.data[y0 * mask.width + x1] * fx;
  const row1 = mask.data[y1 * mask.width + x0] * (1 - fx) + mask.data[y1 * mask.width + x1] * fx;
  return row0 * (1 - fy) + row1 * fy;
}

/**
 * The mask clipped to `box` (source pixels). With `threshold`, values below
 * it become 0 and the rest 1. A box outside the frame gives an empty mask.
 */
export function cropMaskToBox(mask: PersonMask, box: Tlwh, threshold?: number): BoxMask {
  const left = Math.max(0, Math.floor(box[0]));
  const top = Math.max(0, Math.floor(box[1]));
  const right = Math.min(mask.sourceWidth, Math.ceil(box[0] + box[2]));
  const bottom = Math.min(mask.sourceHeight, Math.ceil(box[1] + box[3]));
  const width = Math.max(0, right - left);
  const height = Math.max(0, bottom - top);
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const my = (top + y + 0.5) * mask.scaleY;
    for (let x = 0; x < width; x++) {
      const v = sample(mask, (left + x + 0.5) * mask.scaleX, my);
      data[y * width + x] = threshold === undefined ? v : v >= threshold ? 1 : 0;
    }
  }
  return { left, top, width, height, data };
}

/** Mean of a box mask's values (0 when empty). */
export function meanOf(m: BoxMask): number {
  let s = 0;
  for (let k = 0; k < m.data.length; k++) s += m.data[k];
  return m.data.length > 0 ? s / m.data.length : 0;
}
