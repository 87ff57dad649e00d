/**
 * Descriptor comparison on real pedestrians: detect people on vtest frames
 * one second apart, pair each detection with the same person a second later
 * (mutual best IoU ≥ 0.3 — people move about a third of a box per second)
 * and with every detection of that later frame that is clearly someone else
 * (no overlap). Reports cosine distances and rank-1: how often the same
 * person is the nearest embedding among all detections of the later frame.
 */
import * as tf from '@tensorflow/tfjs';
import { iouTlwh, type Tlwh } from '../../src/core/geometry/boxes.ts';
import type { EmbeddingConfig } from '../../src/core/embedding/config.ts';
import type { JointCenterNet } from '../../src/core/embedding/jointCenterNet.ts';
import { cosineDistance } from '../../src/core/tracking/nnMatching.ts';

export interface PairSet {
  readonly frames: tf.Tensor3D[];
  readonly boxes: Tlwh[][];
  /** [frame k, det i, det j in frame k + 1] of the same person. */
  readonly same: [number, number, number][];
}

export interface DescriptorScore {
  readonly name: string;
  readonly dim: number;
  readonly sameMean: number;
  readonly differentMean: number;
  /** Fraction of same-person pairs whose distance is below every different-person distance from the same anchor. */
  readonly rank1: number;
  /** Probability a same pair is closer than a different pair (AUC over all pairs). */
  readonly auc: number;
  readonly msPerFrame: number;
}

/** Detects people on each frame and pairs them across consecutive frames. */
export async function buildPairs(detector: JointCenterNet, frames: tf.Tensor3D[]): Promise<PairSet> {
  const boxes: Tlwh[][] = [];
  for (const f of frames) boxes.push((await detector.detect(f)).filter((d) => d.label === 'person').map((d) => d.box));
  const same: [number, number, number][] = [];
  for (let k = 0; k + 1 < frames.length; k++) {
    boxes[k].forEach((a, i) => {
      const j = argmaxIou(a, boxes[k + 1]);
      if (j >= 0 && iouTlwh(a, boxes[k + 1][j]) >= 0.3 && argmaxIou(boxes[k + 1][j], boxes[k]) === i) same.push([k, i, j]);
    });
  }
  return { frames, boxes, same };
}

function argmaxIou(a: Tlwh, list: readonly Tlwh[]): number {
  let best = -1;
  let bestIou = 0;
  list.forEach((b, j) => {
    const v = iouTlwh(a, b);
    if (v > bestIou) [best, bestIou] = [j, v];
  });
  return best;
}

/** Scores one descriptor (the detector's embedding config) on `pairs`. */
export async function scoreDescriptor(name: string, detector: JointCenterNet, pairs: PairSet): Promise<DescriptorScore> {
  const t0 = performance.now();
  const emb: Float32Array[][] = [];
  for (let k = 0; k < pairs.frames.length; k++) emb.push(await detector.embedBoxes(pairs.frames[k], pairs.boxes[k]));
  const msPerFrame = (performance.now() - t0) / pairs.frames.length;
  const sameD: number[] = [];
  const diffD: number[] = [];
  let rank1 = 0;
  for (const [k, i, j] of pairs.same) {
    const d = cosineDistance(emb[k][i], emb[k + 1][j]);
    sameD.push(d);
    let nearest = true;
    pairs.boxes[k + 1].forEach((b, m) => {
      if (m === j || iouTlwh(pairs.boxes[k][i], b) > 0) return;
      const other = cosineDistance(emb[k][i], emb[k + 1][m]);
      diffD.push(other);
      if (other <= d) nearest = false;
    });
    if (nearest) rank1++;
  }
  const diffSorted = [...diffD].sort((a, b) => a - b);
  let below = 0;
  for (const d of sameD) below += diffSorted.length - lowerBound(diffSorted, d);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    name,
    dim: emb.flat()[0]?.length ?? 0,
    sameMean: mean(sameD),
    differentMean: mean(diffD),
    rank1: rank1 / Math.max(1, pairs.same.length),
    auc: below / Math.max(1, sameD.length * diffD.length),
    msPerFrame,
  };
}

function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type DescriptorVariant = { readonly name: string; readonly config: Partial<EmbeddingConfig> };
