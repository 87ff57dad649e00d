/** Ratio metrics from additive counts, as py-motmetrics and TrackEval define them. */
import { HOTA_ALPHAS, type HotaCounts } from './hota.ts';
import type { MotCounts, MotMetrics } from './types.ts';

/** a / b, NaN when b is 0 (py-motmetrics' quiet_divide for 0/0). */
const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

interface HotaSummary {
  readonly HOTA: number;
  readonly DetA: number;
  readonly AssA: number;
  readonly LocA: number;
}

/** TrackEval `_compute_final_fields`, then the mean over alphas. */
export function summarizeHota(h: HotaCounts): HotaSummary {
  const detA = HOTA_ALPHAS.map((_, a) => h.tp[a] / Math.max(1, h.tp[a] + h.fn[a] + h.fp[a]));
  const hota = HOTA_ALPHAS.map((_, a) => Math.sqrt(detA[a] * h.assA[a]));
  return { HOTA: mean(hota), DetA: mean(detA), AssA: mean(h.assA), LocA: mean(h.locA) };
}

export function finalizeMetrics(c: MotCounts): MotMetrics {
  return {
    ...c,
    recall: ratio(c.numDetections, c.numGt),
    precision: ratio(c.numDetections, c.numDetections + c.FP),
    MOTA: 1 - ratio(c.FN + c.IDSW + c.FP, c.numGt),
    MOTP: ratio(c.distanceSum, c.numDetections),
    IDF1: ratio(2 * c.idtp, c.numGt + c.numPredictions),
    IDP: ratio(c.idtp, c.idtp + c.idfp),
    IDR: ratio(c.idtp, c.idtp + c.idfn),
    ...summarizeHota(c.hota),
  };
}
