/**
 * Pyramidal Lucas–Kanade point tracking (Bouguet, "Pyramidal implementation
 * of the Lucas Kanade feature tracker", Intel 2000): for each point, the
 * displacement is refined coarse to fine by Gauss–Newton steps on the
 * window's brightness difference, with the template's spatial gradient
 * computed once per level.
 */
import type { Pyramid } from './pyramid.ts';
import { samplePatch } from './samplePatch.ts';

export interface LucasKanadeOptions {
  /** Window half-size in pixels: the window is (2r + 1)². */
  readonly windowRadius: number;
  /** Gauss–Newton iterations per level at most. */
  readonly maxIterations: number;
  /** Stop a level once the update is shorter than this (pixels). */
  readonly epsilon: number;
  /**
   * Minimum eigenvalue of the window's gradient matrix divided by the window
   * area (OpenCV's `minEigThreshold` convention, with gradients in 0..255
   * units): flat windows cannot be tracked and report failure.
   */
  readonly minEigen: number;
}

/** Scratch buffers sized for one window radius, reused across points. */
class Scratch {
  readonly side: number;
  readonly template: Float32Array;
  readonly gx: Float32Array;
  readonly gy: Float32Array;
  readonly patch: Float32Array;
  constructor(readonly radius: number) {
    this.side = 2 * radius + 1;
    const n = this.side * this.side;
    this.template = new Float32Array((this.side + 2) * (this.side + 2));
    this.gx = new Float32Array(n);
    this.gy = new Float32Array(n);
    this.patch = new Float32Array(n);
  }
}

let scratch = new Scratch(3);

/**
 * Tracks `count` points from `prev` to `next`. `from` holds (x, y) pairs at
 * level 0; `to` holds initial guesses on input and the tracked positions on
 * output. `status[k]` is 1 when point k was tracked, 0 when its window was
 * flat, left the image or the solve diverged.
 */
export function trackPoints(
  prev: Pyramid,
  next: Pyramid,
  from: Float32Array,
  to: Float32Array,
  count: number,
  o: LucasKanadeOptions,
  status: Uint8Array,
): void {
  if (scratch.radius !== o.windowRadius) scratch = new Scratch(o.windowRadius);
  const levels = Math.min(prev.length, next.length);
  for (let k = 0; k < count; k++) {
    status[k] = trackOne(prev, next, levels, from, to, k, o) ? 1 : 0;
  }
}

function trackOne(
  prev: Pyramid,
  next: Pyramid,
  levels: number,
  from: Float32Array,
  to: Float32Array,
  k: number,
  o: LucasKanadeOptions,
): boolean {
  const { side, template, gx, gy, patch } = scratch;
  const r = o.windowRadius;
  const n = side * side;
  const top = levels - 1;
  const scaleTop = 1 / (1 << top);
  // Guess in top-level pixels (the initial `to` minus `from`).
  let gxTot = (to[2 * k] - from[2 * k]) * scaleTop;
  let gyTot = (to[2 * k + 1] - from[2 * k + 1]) * scaleTop;
  for (let level = top; level >= 0; level--) {
    const scale = 1 / (1 << level);
    const px = from[2 * k] * scale;
    const py = from[2 * k + 1] * scale;
    const I = prev[level];
    const J = next[level];
    // Template with a one-pixel margin, then central-difference gradients.
    if (!samplePatch(I, px - r - 1, py - r - 1, side + 2, template)) return false;
    let gxx = 0;
    let gxy = 0;
    let gyy = 0;
    for (let j = 0, q = 0; j < side; j++) {
      const row = (j + 1) * (side + 2) + 1;
      for (let i = 0; i < side; i++, q++) {
        const c = row + i;
        const dx = (template[c + 1] - template[c - 1]) / 2;
        const dy = (template[c + side + 2] - template[c - side - 2]) / 2;
        gx[q] = dx;
        gy[q] = dy;
        gxx += dx * dx;
        gxy += dx * dy;
        gyy += dy * dy;
      }
    }
    const det = gxx * gyy - gxy * gxy;
    const minEig = (gxx + gyy - Math.sqrt((gxx - gyy) * (gxx - gyy) + 4 * gxy * gxy)) / 2;
    if (minEig / n < o.minEigen || det < 1e-9) return false;
    let vx = 0;
    let vy = 0;
    for (let it = 0; it < o.maxIterations; it++) {
      const x = px + gxTot + vx - r;
      const y = py + gyTot + vy - r;
      let bx = 0;
      let by = 0;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 >= 0 && y0 >= 0 && x0 + side < J.width && y0 + side < J.height) {
        // The window lies inside J (almost always): sample bilinearly and accumulate in one pass, no patch copy.
        const { width: w, data } = J;
        const fx = x - x0;
        const fy = y - y0;
        const w00 = (1 - fx) * (1 - fy);
        const w01 = fx * (1 - fy);
        const w10 = (1 - fx) * fy;
        const w11 = fx * fy;
        for (let j = 0, q = 0; j < side; j++) {
          const row = (j + 1) * (side + 2) + 1;
          let i0 = (y0 + j) * w + x0;
          for (let i = 0; i < side; i++, q++, i0++) {
            const diff = template[row + i] - (w00 * data[i0] + w01 * data[i0 + 1] + w10 * data[i0 + w] + w11 * data[i0 + w + 1]);
            bx += diff * gx[q];
            by += diff * gy[q];
          }
        }
      } else {
        if (!samplePatch(J, x, y, side, patch)) return false;
        for (let j = 0, q = 0; j < side; j++) {
          const row = (j + 1) * (side + 2) + 1;
          for (let i = 0; i < side; i++, q++) {
            const diff = template[row + i] - patch[q];
            bx += diff * gx[q];
            by += diff * gy[q];
          }
        }
      }
      const ex = (gyy * bx - gxy * by) / det;
      const ey = (gxx * by - gxy * bx) / det;
      vx += ex;
      vy += ey;
      if (ex * ex + ey * ey < o.epsilon * o.epsilon) break;
    }
    if (level > 0) {
      gxTot = 2 * (gxTot + vx);
      gyTot = 2 * (gyTot + vy);
    } else {
      gxTot += vx;
      gyTot += vy;
    }
  }
  const x = from[2 * k] + gxTot;
  const y = from[2 * k + 1] + gyTot;
  to[2 * k] = x;
  to[2 * k + 1] = y;
  const { width, height } = prev[0];
  return Number.isFinite(x) && Number.isFinite(y) && x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1;
}
