/**
 * Full-frame person mask → the part inside one track's box, at source
 * resolution, so the renderer can colour each tracked person by its id.
 * Pure: no tensors, no DOM.
 */
import type { Tlwh } from '../geometry/boxes.ts';
import { MASK_SAMPLERS, type UpsampleMethod } from './maskSample.ts';
import type { BoxMask, PersonMask } from './types.ts';

/**
 * The mask clipped to `box` (source pixels), read between mask cells by
 * `method` (bilinear by default). With `threshold`, values below it become 0
 * and the rest 1. A box outside the frame gives an empty mask.
 */
export function cropMaskToBox(mask: PersonMask, box: Tlwh, threshold?: number, method: UpsampleMethod = 'bilinear'): BoxMask {
  const sample = MASK_SAMPLERS[method];
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
