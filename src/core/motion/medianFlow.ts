/**
 * Median flow (Kalal et al., ICPR 2010): track a grid of points inside a box
 * forward, then backward; points whose forward–backward error is above the
 * median are dropped; the box moves by the median displacement of the rest
 * and scales by the median ratio of their pairwise distances. A large median
 * forward–backward error (occlusion, drift onto another texture) or too few
 * tracked points marks the measurement unreliable.
 */
import type { Tlwh } from '../geometry/boxes.ts';
import type { MotionConfig } from './config.ts';
import { trackPoints } from './lucasKanade.ts';
import { medianInPlace } from './median.ts';
import type { Pyramid } from './pyramid.ts';

export interface BoxMotion {
  /** The box moved to the next frame (source pixels). */
  readonly box: Tlwh;
  /** False when the forward–backward check failed: use the motion model instead. */
  readonly reliable: boolean;
  /** Median forward–backward error of the grid points (pixels; Infinity when none was tracked). */
  readonly forwardBackwardError: number;
  /** Grid points tracked forward and backward. */
  readonly trackedPoints: number;
}

/** Scratch reused across calls (grid size changes reallocate). */
class Buffers {
  readonly from: Float32Array;
  readonly to: Float32Array;
  readonly back: Float32Array;
  readonly fwd: Uint8Array;
  readonly bwd: Uint8Array;
  readonly err: Float32Array;
  readonly keep: Int32Array;
  readonly values: Float32Array;
  constructor(readonly count: number) {
    this.from = new Float32Array(2 * count);
    this.to = new Float32Array(2 * count);
    this.back = new Float32Array(2 * count);
    this.fwd = new Uint8Array(count);
    this.bwd = new Uint8Array(count);
    this.err = new Float32Array(count);
    this.keep = new Int32Array(count);
    this.values = new Float32Array((count * (count - 1)) / 2);
  }
}

let buffers = new Buffers(36);

/**
 * Fraction of the box's width (each side) and height (top and bottom) left
 * out of the grid: a person box holds background at its sides, and static
 * background points track perfectly, so they would win the forward–backward
 * filter and pull the median displacement towards zero.
 */
const GRID_INSET_X = 0.2;
const GRID_INSET_Y = 0.05;

/** Fills `from` with a g x g grid inside the box's inset (cell centres), clamped to the image. */
export function gridPoints(box: Tlwh, g: number, width: number, height: number, from: Float32Array): void {
  const x = box[0] + GRID_INSET_X * box[2];
  const y = box[1] + GRID_INSET_Y * box[3];
  const w = box[2] * (1 - 2 * GRID_INSET_X);
  const h = box[3] * (1 - 2 * GRID_INSET_Y);
  for (let j = 0, k = 0; j < g; j++) {
    for (let i = 0; i < g; i++, k++) {
      from[2 * k] = Math.min(width - 1, Math.max(0, x + ((i + 0.5) * w) / g));
      from[2 * k + 1] = Math.min(height - 1, Math.max(0, y + ((j + 0.5) * h) / g));
    }
  }
}

/** Median ratio of pairwise distances after / before over the kept points (1 with fewer than 2). */
function medianScale(b: Buffers, kept: number): number {
  let m = 0;
  for (let a = 0; a < kept; a++) {
    const p = b.keep[a];
    for (let c = a + 1; c < kept; c++) {
      const q = b.keep[c];
      // Squared distances and one sqrt of their ratio instead of two Math.hypot calls: this runs for every pair of kept points.
      const x0 = b.from[2 * p] - b.from[2 * q];
      const y0 = b.from[2 * p + 1] - b.from[2 * q + 1];
      const d0 = x0 * x0 + y0 * y0;
      if (d0 < 1) continue;
      const x1 = b.to[2 * p] - b.to[2 * q];
      const y1 = b.to[2 * p + 1] - b.to[2 * q + 1];
      b.values[m++] = Math.sqrt((x1 * x1 + y1 * y1) / d0);
    }
  }
  return m > 0 ? medianInPlace(b.values, m) : 1;
}

/** Measures how `box` moved from `prev` to `next` (pyramids of consecutive frames). */
export function medianFlowBox(prev: Pyramid, next: Pyramid, box: Tlwh, c: MotionConfig): BoxMotion {
  const n = c.gridSize * c.gridSize;
  if (buffers.count !== n) buffers = new Buffers(n);
  const b = buffers;
  const { width, height } = prev[0];
  gridPoints(box, c.gridSize, width, height, b.from);
  b.to.set(b.from);
  trackPoints(prev, next, b.from, b.to, n, c, b.fwd);
  b.back.set(b.to);
  trackPoints(next, prev, b.to, b.back, n, c, b.bwd);
  let tracked = 0;
  for (let k = 0; k < n; k++) {
    if (b.fwd[k] && b.bwd[k]) {
      b.err[k] = Math.hypot(b.back[2 * k] - b.from[2 * k], b.back[2 * k + 1] - b.from[2 * k + 1]);
      b.values[tracked++] = b.err[k];
    }
  }
  const fbError = tracked > 0 ? medianInPlace(b.values, tracked) : Number.POSITIVE_INFINITY;
  let kept = 0;
  for (let k = 0; k < n; k++) if (b.fwd[k] && b.bwd[k] && b.err[k] <= fbError) b.keep[kept++] = k;
  const reliable = tracked >= Math.max(2, c.minTrackedFraction * n) && fbError <= c.maxForwardBackwardError;
  if (kept === 0) return { box, reliable: false, forwardBackwardError: fbError, trackedPoints: tracked };
  for (let a = 0; a < kept; a++) b.values[a] = b.to[2 * b.keep[a]] - b.from[2 * b.keep[a]];
  const dx = medianInPlace(b.values, kept);
  for (let a = 0; a < kept; a++) b.values[a] = b.to[2 * b.keep[a] + 1] - b.from[2 * b.keep[a] + 1];
  const dy = medianInPlace(b.values, kept);
  const s = c.estimateScale ? medianScale(b, kept) : 1;
  const [x, y, w, h] = box;
  const cx = x + w / 2 + dx;
  const cy = y + h / 2 + dy;
  return { box: [cx - (w * s) / 2, cy - (h * s) / 2, w * s, h * s], reliable, forwardBackwardError: fbError, trackedPoints: tracked };
}
