/**
 * Reading a coarse mask between its cells, in mask coordinates with pixel
 * centres at +0.5 (half-pixel centres, as `tf.image.resizeBilinear` and
 * `resizeNearestNeighbor` with `halfPixelCenters`). Pure: no tensors, no DOM.
 */

/** A row-major grid of values (e.g. a person-probability mask at model resolution). */
export interface MaskGrid {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

/** How a coarse mask is read between its cells. */
export const UPSAMPLE_METHODS = ['nearest', 'bilinear'] as const;
export type UpsampleMethod = (typeof UPSAMPLE_METHODS)[number];

/** The value of the cell that contains (mx, my), clamped to the grid: blocky, stair-stepped edges. */
export function sampleNearest(mask: MaskGrid, mx: number, my: number): number {
  const x = Math.min(Math.max(Math.floor(mx), 0), mask.width - 1);
  const y = Math.min(Math.max(Math.floor(my), 0), mask.height - 1);
  return mask.data[y * mask.width + x];
}

/** The four nearest cell centres blended by distance, edges clamped: smooth edges. */
export function sampleBilinear(mask: MaskGrid, mx: number, my: number): number {
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

export const MASK_SAMPLERS: Readonly<Record<UpsampleMethod, (mask: MaskGrid, mx: number, my: number) => number>> = {
  nearest: sampleNearest,
  bilinear: sampleBilinear,
};
