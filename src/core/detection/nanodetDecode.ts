/**
 * NanoDet's raw heads → candidate rows in CenterNet's row format
 * (x1, y1, x2, y2, score, classId; model-input pixels), so `decodeRows`
 * (score and class filter, letterbox inverse, class-aware NMS) serves both.
 *
 * NanoDet (RangiLyu/nanodet) uses the Generalized Focal Loss head (Li et al.,
 * "Generalized Focal Loss", NeurIPS 2020). At each level (stride 8, 16, 32) it
 * predicts, per grid cell in row-major order:
 * - a sigmoid score per class (quality-aware: the score is the expected IoU);
 * - for each side (left, top, right, bottom) a discrete distribution over the
 *   distances 0, 1, …, REG_MAX in units of the stride. The distance is the
 *   distribution's expectation Σ softmax(logits)_k · k, times the stride,
 *   measured from the cell's centre ((col + 0.5) · stride, (row + 0.5) · stride).
 */

/** Distance bins per side: REG_MAX + 1 = 11 (44 = 4 × 11 box channels in human-models' nanodet.json). */
export const NANODET_BINS = 11;
/** The head's strides, finest first (52², 26², 13² cells at 416²). */
export const NANODET_STRIDES = [8, 16, 32] as const;
/** Floats per candidate row (the CenterNet row layout). */
export const NANODET_ROW = 6;

export interface NanoDetLevel {
  readonly stride: number;
  /** [cells × classes] sigmoid scores. */
  readonly scores: Float32Array;
  /** [cells × 4 × NANODET_BINS] distance logits, sides in the order left, top, right, bottom. */
  readonly boxes: Float32Array;
}

/** Expected bin index (softmax-weighted) of `NANODET_BINS` logits starting at `offset`. */
export function expectedBin(logits: Float32Array, offset: number): number {
  let max = -Infinity;
  for (let k = 0; k < NANODET_BINS; k++) max = Math.max(max, logits[offset + k]);
  let sum = 0;
  let weighted = 0;
  for (let k = 0; k < NANODET_BINS; k++) {
    const e = Math.exp(logits[offset + k] - max);
    sum += e;
    weighted += e * k;
  }
  return weighted / sum;
}

/**
 * Every (cell, class) whose score reaches `minScore`, as rows of NANODET_ROW
 * floats; the box is decoded once per cell. `inputSize` is the square input
 * side in pixels; boxes are clipped to it.
 */
export function nanoDetCandidates(levels: readonly NanoDetLevel[], inputSize: number, classes: number, minScore: number): Float32Array {
  const rows: number[] = [];
  for (const { stride, scores, boxes } of levels) {
    const grid = Math.round(inputSize / stride);
    const cells = scores.length / classes;
    if (cells !== grid * grid || boxes.length !== cells * 4 * NANODET_BINS) {
      throw new RangeError(
        `NanoDet stride ${stride}: ${cells} cells and ${boxes.length} box values; expected ${grid}² cells × ${4 * NANODET_BINS}`,
      );
    }
    for (let cell = 0; cell < cells; cell++) {
      let box: number[] | null = null;
      for (let c = 0; c < classes; c++) {
        const score = scores[cell * classes + c];
        if (score < minScore) continue;
        box ??= cellBox(boxes, cell, grid, stride, inputSize);
        rows.push(box[0], box[1], box[2], box[3], score, c);
      }
    }
  }
  return Float32Array.from(rows);
}

function cellBox(boxes: Float32Array, cell: number, grid: number, stride: number, inputSize: number): number[] {
  const cx = ((cell % grid) + 0.5) * stride;
  const cy = (Math.floor(cell / grid) + 0.5) * stride;
  const base = cell * 4 * NANODET_BINS;
  const [left, top, right, bottom] = [0, 1, 2, 3].map((side) => expectedBin(boxes, base + side * NANODET_BINS) * stride);
  const clip = (v: number) => Math.min(Math.max(v, 0), inputSize);
  return [clip(cx - left), clip(cy - top), clip(cx + right), clip(cy + bottom)];
}
