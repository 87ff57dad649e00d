/**
 * Overall row over several sequences: counts are summed and ratios
 * recomputed (py-motmetrics' OVERALL; identity counts come from each
 * sequence's own assignment). HOTA follows TrackEval's combine_sequences:
 * TP/FN/FP summed per alpha, AssA and LocA averaged weighted by TP.
 */
import { HOTA_ALPHAS, type HotaCounts } from './hota.ts';
import type { MotCounts, MotMetrics } from './types.ts';
import { finalizeMetrics } from './finalizeMetrics.ts';

const SUMMED = [
  'numFrames',
  'numGt',
  'numPredictions',
  'numMatches',
  'numDetections',
  'FP',
  'FN',
  'IDSW',
  'fragmentations',
  'numUniqueObjects',
  'MT',
  'PT',
  'ML',
  'distanceSum',
  'idtp',
  'idfp',
  'idfn',
] as const satisfies ReadonlyArray<keyof MotCounts>;

export function combineHota(parts: readonly HotaCounts[]): HotaCounts {
  const sumAt = (f: (h: HotaCounts) => number[], a: number): number => parts.reduce((s, h) => s + f(h)[a], 0);
  const tp = HOTA_ALPHAS.map((_, a) => sumAt((h) => h.tp, a));
  const weighted = (f: (h: HotaCounts) => number[], a: number): number => parts.reduce((s, h) => s + f(h)[a] * h.tp[a], 0);
  return {
    tp,
    fn: HOTA_ALPHAS.map((_, a) => sumAt((h) => h.fn, a)),
    fp: HOTA_ALPHAS.map((_, a) => sumAt((h) => h.fp, a)),
    assA: HOTA_ALPHAS.map((_, a) => weighted((h) => h.assA, a) / Math.max(1, tp[a])),
    locA: HOTA_ALPHAS.map(
      (_, a) =>
        Math.max(
          1e-10,
          weighted((h) => h.locA, a),
        ) / Math.max(1e-10, tp[a]),
    ),
  };
}

export function combine(perSequence: readonly MotMetrics[]): MotMetrics {
  if (perSequence.length === 0) throw new Error('combine: needs at least one sequence, got none');
  const counts = Object.fromEntries(SUMMED.map((k) => [k, perSequence.reduce((s, m) => s + m[k], 0)])) as Record<
    (typeof SUMMED)[number],
    number
  >;
  return finalizeMetrics({ ...counts, hota: combineHota(perSequence.map((m) => m.hota)) });
}
