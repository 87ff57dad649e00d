/**
 * HOTA (Luiten et al. 2020) exactly as TrackEval's `HOTA.eval_sequence`
 * computes it for one sequence, with IoU as the similarity:
 *
 * 1. Over all frames, accumulate for each (gt id, result id) a soft
 *    co-occurrence: sim / (row sum + column sum - sim) of the frame's
 *    similarity matrix. The global alignment score of a pair is that total
 *    divided by (gt id frames + result id frames - total).
 * 2. Per frame, match by a max-score assignment on alignment * similarity;
 *    for each alpha a matched pair counts as TP when similarity >= alpha.
 * 3. AssA(alpha) averages, over TPs, the association Jaccard of the pair.
 *
 * Results are kept per alpha so sequences can be combined (`combineHota`).
 */
import type { SequenceFrames } from './sequenceFrames.ts';
import { solveLap } from './lap.ts';

/** alpha = 0.05, 0.10, ..., 0.95 as numpy's arange(0.05, 0.99, 0.05) yields them. */
export const HOTA_ALPHAS: readonly number[] = Array.from({ length: 19 }, (_, i) => 0.05 + i * 0.05);
const EPS = Number.EPSILON; // numpy's finfo(float).eps

/** Per-alpha HOTA building blocks (arrays of length 19). */
export interface HotaCounts {
  readonly tp: number[];
  readonly fn: number[];
  readonly fp: number[];
  readonly assA: number[];
  readonly locA: number[];
}

const zeros = (): number[] => HOTA_ALPHAS.map(() => 0);
const ones = (): number[] => HOTA_ALPHAS.map(() => 1);

interface Alignment {
  readonly score: Map<number, number>; // key gt * nRes + res
  readonly gtCount: Float64Array;
  readonly resCount: Float64Array;
}

function globalAlignment(seq: SequenceFrames): Alignment {
  const nRes = seq.resIds.length;
  const potential = new Map<number, number>();
  const gtCount = new Float64Array(seq.gtIds.length);
  const resCount = new Float64Array(nRes);
  for (const f of seq.frames) {
    const ng = f.gt.length;
    const nr = f.res.length;
    const rowSum = new Float64Array(ng);
    const colSum = new Float64Array(nr);
    for (let i = 0; i < ng; i++)
      for (let j = 0; j < nr; j++) {
        rowSum[i] += f.iou[i * nr + j];
        colSum[j] += f.iou[i * nr + j];
      }
    for (let i = 0; i < ng; i++) {
      for (let j = 0; j < nr; j++) {
        const sim = f.iou[i * nr + j];
        const denom = colSum[j] + rowSum[i] - sim;
        if (!(denom > EPS) || sim === 0) continue;
        const key = f.gt[i] * nRes + f.res[j];
        potential.set(key, (potential.get(key) ?? 0) + sim / denom);
      }
    }
    for (const g of f.gt) gtCount[g]++;
    for (const r of f.res) resCount[r]++;
  }
  const score = new Map<number, number>();
  for (const [key, p] of potential) {
    const g = Math.floor(key / nRes);
    score.set(key, p / (gtCount[g] + resCount[key - g * nRes] - p));
  }
  return { score, gtCount, resCount };
}

function emptySequence(numGt: number, numRes: number): HotaCounts {
  return { tp: zeros(), fn: HOTA_ALPHAS.map(() => numGt), fp: HOTA_ALPHAS.map(() => numRes), assA: zeros(), locA: ones() };
}

function associationAccuracy(matches: Map<number, number>, al: Alignment, nRes: number, tp: number): number {
  let sum = 0;
  for (const [key, mc] of matches) {
    const g = Math.floor(key / nRes);
    sum += (mc * mc) / Math.max(1, al.gtCount[g] + al.resCount[key - g * nRes] - mc);
  }
  return sum / Math.max(1, tp);
}

/** HOTA per-alpha counts for one sequence; `frames[].iou` is the similarity. */
export function hotaCounts(seq: SequenceFrames): HotaCounts {
  let numGt = 0;
  let numRes = 0;
  for (const f of seq.frames) {
    numGt += f.gt.length;
    numRes += f.res.length;
  }
  if (numGt === 0 || numRes === 0) return emptySequence(numGt, numRes);
  const nRes = seq.resIds.length;
  const al = globalAlignment(seq);
  const out: HotaCounts = { tp: zeros(), fn: zeros(), fp: zeros(), assA: zeros(), locA: zeros() };
  const matches = HOTA_ALPHAS.map(() => new Map<number, number>());
  for (const f of seq.frames) {
    const ng = f.gt.length;
    const nr = f.res.length;
    if (ng === 0 || nr === 0) {
      for (let a = 0; a < HOTA_ALPHAS.length; a++) {
        out.fp[a] += nr;
        out.fn[a] += ng;
      }
      continue;
    }
    const cost = new Float64Array(ng * nr);
    for (let i = 0; i < ng; i++) {
      for (let j = 0; j < nr; j++) {
        const sim = f.iou[i * nr + j];
        if (sim !== 0) cost[i * nr + j] = -(al.score.get(f.gt[i] * nRes + f.res[j]) ?? 0) * sim;
      }
    }
    const pairs = solveLap(cost, ng, nr).pairs;
    HOTA_ALPHAS.forEach((alpha, a) => {
      let n = 0;
      for (const [i, j] of pairs) {
        const sim = f.iou[i * nr + j];
        if (!(sim >= alpha - EPS)) continue;
        n++;
        out.locA[a] += sim;
        const key = f.gt[i] * nRes + f.res[j];
        matches[a].set(key, (matches[a].get(key) ?? 0) + 1);
      }
      out.tp[a] += n;
      out.fn[a] += ng - n;
      out.fp[a] += nr - n;
    });
  }
  HOTA_ALPHAS.forEach((_, a) => {
    out.assA[a] = associationAccuracy(matches[a], al, nRes, out.tp[a]);
    out.locA[a] = Math.max(1e-10, out.locA[a]) / Math.max(1e-10, out.tp[a]);
  });
  return out;
}
