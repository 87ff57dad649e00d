/**
 * Person probability at model resolution (row-major, values 0..1), with the
 * mapping from source pixels: maskX = sourceX · scaleX, maskY = sourceY · scaleY
 * (both models stretch the frame to their input, so there is no padding).
 */
export interface PersonMask {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
  readonly scaleX: number;
  readonly scaleY: number;
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

/**
 * The mask inside one box, in source pixels: `width` x `height` values for the
 * integer-aligned box starting at (`left`, `top`), clipped to the frame.
 */
export interface BoxMask {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}
