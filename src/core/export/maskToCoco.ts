import type { Tlwh } from '../geometry/boxes.ts';
import type { MaskRle } from '../segmentation/rle.ts';
import { countsToString, RunBuilder, type CocoRle } from './cocoRle.ts';

/** Row-major 0/1 cells of a `MaskRle` at its own (model) resolution. */
function maskBits(mask: MaskRle): Uint8Array {
  const bits = new Uint8Array(mask.width * mask.height);
  let k = 0;
  mask.counts.forEach((run, i) => {
    if (i % 2 === 1) bits.fill(1, k, k + run);
    k += run;
  });
  if (k !== bits.length) throw new RangeError(`mask RLE covers ${k} cells; expected ${mask.width} x ${mask.height}`);
  return bits;
}

/** Nearest cell at pixel centres: source pixel p → mask cell floor((p + 0.5) · scale). */
const cellOf = (p: number, scale: number, cells: number) => Math.min(cells - 1, Math.floor((p + 0.5) * scale));

/**
 * A person mask (`MaskRle`, model resolution, row-major) as COCO RLE at the
 * source frame's size, each source pixel taking its nearest mask cell. With
 * `box`, only pixels inside the box (integer-aligned and clipped to the
 * frame, as `cropMaskToBox` does) can be set: the object's own mask.
 */
export function maskToCocoRle(mask: MaskRle, box?: Tlwh): CocoRle {
  const bits = maskBits(mask);
  const W = mask.sourceWidth;
  const H = mask.sourceHeight;
  const sx = mask.width / W;
  const sy = mask.height / H;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const left = box ? clamp(Math.floor(box[0]), 0, W) : 0;
  const top = box ? clamp(Math.floor(box[1]), 0, H) : 0;
  const right = box ? clamp(Math.ceil(box[0] + box[2]), left, W) : W;
  const bottom = box ? clamp(Math.ceil(box[1] + box[3]), top, H) : H;
  // Source rows [top, bottom) as spans of equal mask row.
  const spans: Array<{ row: number; length: number }> = [];
  for (let y = top; y < bottom; y++) {
    const row = cellOf(y, sy, mask.height);
    const last = spans[spans.length - 1];
    if (last?.row === row) last.length++;
    else spans.push({ row, length: 1 });
  }
  const runs = new RunBuilder();
  for (let x = 0; x < W; x++) {
    if (x < left || x >= right) {
      runs.push(0, H);
      continue;
    }
    const col = cellOf(x, sx, mask.width);
    runs.push(0, top);
    for (const s of spans) runs.push(bits[s.row * mask.width + col], s.length);
    runs.push(0, H - bottom);
  }
  return { size: [H, W], counts: countsToString(runs.counts) };
}
