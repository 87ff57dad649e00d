import type { PersonMask } from './types.ts';

/**
 * A binary person mask as run lengths: row-major over `width` x `height`
 * cells, alternating runs of 0 and 1 that start with 0 (a mask starting with
 * a person cell begins with a 0-length run), like COCO's uncompressed RLE but
 * row-major. `sourceWidth`/`sourceHeight` give the frame it covers, so a
 * track's mask is this mask clipped to the track's box (`cropMaskToBox`).
 */
export interface MaskRle {
  readonly width: number;
  readonly height: number;
  readonly sourceWidth: number;
  readonly sourceHeight: number;
  readonly counts: number[];
}

/** Thresholds `mask` at `threshold` and run-length encodes it. */
export function encodeMaskRle(mask: PersonMask, threshold = 0.5): MaskRle {
  const counts: number[] = [];
  let current = 0;
  let run = 0;
  for (let k = 0; k < mask.data.length; k++) {
    const bit = mask.data[k] >= threshold ? 1 : 0;
    if (bit === current) run++;
    else {
      counts.push(run);
      current = bit;
      run = 1;
    }
  }
  counts.push(run);
  return { width: mask.width, height: mask.height, sourceWidth: mask.sourceWidth, sourceHeight: mask.sourceHeight, counts };
}

/** The inverse of `encodeMaskRle`: a 0/1 PersonMask; throws when the runs do not fill the grid. */
export function decodeMaskRle(rle: MaskRle): PersonMask {
  const data = new Float32Array(rle.width * rle.height);
  let k = 0;
  rle.counts.forEach((run, i) => {
    if (i % 2 === 1) data.fill(1, k, k + run);
    k += run;
  });
  if (k !== data.length) throw new RangeError(`mask RLE covers ${k} cells; expected ${rle.width} x ${rle.height} = ${data.length}`);
  return {
    width: rle.width,
    height: rle.height,
    data,
    scaleX: rle.width / rle.sourceWidth,
    scaleY: rle.height / rle.sourceHeight,
    sourceWidth: rle.sourceWidth,
    sourceHeight: rle.sourceHeight,
  };
}

/** The same mask mapped onto a frame of another size (e.g. inference size → source size). */
export function withSourceSize(mask: PersonMask, sourceWidth: number, sourceHeight: number): PersonMask {
  return { ...mask, sourceWidth, sourceHeight, scaleX: mask.width / sourceWidth, scaleY: mask.height / sourceHeight };
}
