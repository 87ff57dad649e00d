import type { MotRow } from '../metrics/motFormat.ts';

/**
 * Linear interpolation over gaps of at most `maxGap` missing frames in one
 * track's rows (sorted by frame). Filled rows take the lower score of their neighbours.
 */
export function interpolateGaps(rows: readonly MotRow[], maxGap: number): MotRow[] {
  const out: MotRow[] = [];
  rows.forEach((r, k) => {
    const prev = rows[k - 1];
    const missing = prev ? r.frame - prev.frame - 1 : 0;
    if (missing >= 1 && missing <= maxGap) {
      for (let f = 1; f <= missing; f++) {
        const t = f / (missing + 1);
        const lerp = (i: number) => prev.box[i] + (r.box[i] - prev.box[i]) * t;
        out.push({ frame: prev.frame + f, id: r.id, box: [lerp(0), lerp(1), lerp(2), lerp(3)], conf: Math.min(prev.conf, r.conf) });
      }
    }
    out.push(r);
  });
  return out;
}

/** StrongSORT's GSI length scale: τ·ln(τ³/n) clipped to [1/τ, τ²], with τ and the result in frames. */
export function gsiLengthScale(tau: number, length: number): number {
  return Math.min(tau * tau, Math.max(1 / tau, tau * Math.log(tau ** 3 / length)));
}

/** Kernel weights beyond this many length scales are below e^-8 and skipped. */
const KERNEL_REACH = 4;

/**
 * Gaussian smoothing of one track's boxes (rows sorted by frame, no gaps
 * needed): each box coordinate is refitted by a local linear regression in
 * time with Gaussian (RBF) weights of width `lengthScale` frames. StrongSORT
 * fits a Gaussian process with the same RBF kernel; the local linear fit
 * costs O(n · reach) instead of O(n³), and like the GP it leaves a
 * constant-velocity track exactly as it is.
 */
export function smoothTrack(rows: readonly MotRow[], lengthScale: number): MotRow[] {
  const reach = KERNEL_REACH * lengthScale;
  return rows.map((r, k) => {
    let sw = 0;
    let st = 0;
    let stt = 0;
    const sb = [0, 0, 0, 0];
    const stb = [0, 0, 0, 0];
    for (let j = k; j >= 0 && r.frame - rows[j].frame <= reach; j--) accumulate(rows[j]);
    for (let j = k + 1; j < rows.length && rows[j].frame - r.frame <= reach; j++) accumulate(rows[j]);
    function accumulate(q: MotRow) {
      const t = q.frame - r.frame;
      const w = Math.exp(-(t * t) / (2 * lengthScale * lengthScale));
      sw += w;
      st += w * t;
      stt += w * t * t;
      for (let i = 0; i < 4; i++) {
        sb[i] += w * q.box[i];
        stb[i] += w * t * q.box[i];
      }
    }
    // Weighted least squares of b = α + β·t, evaluated at t = 0 (the row's own frame).
    const det = sw * stt - st * st;
    const fit = (i: number) => (det > 1e-12 * sw * sw ? (stt * sb[i] - st * stb[i]) / det : sb[i] / sw);
    return { ...r, box: [fit(0), fit(1), fit(2), fit(3)] };
  });
}
