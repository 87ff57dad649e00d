/**
 * FCN-style upsampling (Long et al. 2015): a segmentation network predicts a
 * coarse grid, one cell per `stride` input pixels, and the grid is upsampled
 * to the image. How cells are read in between (nearest or bilinear) decides
 * whether the mask edge is a staircase or smooth. Pure: no tensors, no DOM.
 */
import { cropMaskToBox } from './boxMask.ts';
import type { UpsampleMethod } from './maskSample.ts';
import type { PersonMask } from './types.ts';

export interface GridSize {
  readonly width: number;
  readonly height: number;
}

/** Input pixels per output cell on each axis: input size / output size. */
export function outputStride(input: GridSize, output: GridSize): { x: number; y: number } {
  for (const [name, v] of [
    ['input.width', input.width],
    ['input.height', input.height],
    ['output.width', output.width],
    ['output.height', output.height],
  ] as const) {
    if (!(Number.isInteger(v) && v > 0)) throw new Error(`outputStride: ${name} is ${v}; allowed: a positive integer`);
  }
  return { x: input.width / output.width, y: input.height / output.height };
}

/** The whole mask upsampled to its source size (row-major, sourceWidth × sourceHeight values). */
export function upsampleMask(mask: PersonMask, method: UpsampleMethod): Float32Array {
  return cropMaskToBox(mask, [0, 0, mask.sourceWidth, mask.sourceHeight], undefined, method).data;
}

export interface MaskOutline {
  /** Pixels at or above the threshold. */
  readonly inside: number;
  /** Inside pixels with a 4-neighbour outside (beyond the image border counts as outside). */
  readonly edge: number;
  /** The topmost inside row and the middle of its inside pixels; null for an empty mask. */
  readonly top: { readonly x: number; readonly y: number } | null;
}

/** Counts a thresholded mask's pixels and its edge: where nearest and bilinear upsampling differ. */
export function maskOutline(data: ArrayLike<number>, width: number, height: number, threshold: number): MaskOutline {
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && data[y * width + x] >= threshold;
  let inside = 0;
  let edge = 0;
  let top: { x: number; y: number } | null = null;
  for (let y = 0; y < height; y++) {
    let rowFirst = -1;
    let rowLast = -1;
    for (let x = 0; x < width; x++) {
      if (!on(x, y)) continue;
      inside++;
      if (rowFirst < 0) rowFirst = x;
      rowLast = x;
      if (!on(x - 1, y) || !on(x + 1, y) || !on(x, y - 1) || !on(x, y + 1)) edge++;
    }
    if (top === null && rowFirst >= 0) top = { x: Math.floor((rowFirst + rowLast) / 2), y };
  }
  return { inside, edge, top };
}
