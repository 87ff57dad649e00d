/**
 * The tracker's association costs, as `DistanceMetric`s over its tracks and
 * prepared detections. Every finite cost lies in [0, MAX_ASSOCIATION_COST];
 * rejected pairs are Infinity and never assigned.
 */
import type { CostMatrix } from './assignmentSolver.ts';
import type { TrackerConfig } from './config.ts';
import { bufferAfter, expandTlwh, iouDistance } from './iouMatching.ts';
import { projectInto } from './kalmanFilter.ts';
import type { Projection } from './kalmanFilter.ts';
import { mahalanobisSquared4 } from './linalg.ts';
import type { DistanceMetric } from './linearAssignment.ts';
import type { PreparedDetection, Track } from './track.ts';

/** Upper bound of any finite cost built here: λ·1 + (1 − λ)·(cosine distance ≤ 2). */
export const MAX_ASSOCIATION_COST = 2;

type Metric = DistanceMetric<Track, PreparedDetection>;

function classesDiffer(track: Track, det: PreparedDetection): boolean {
  return track.classId !== undefined && det.classId !== undefined && track.classId !== det.classId;
}

/**
 * C-BIoU buffer of a track: grows with the frames the detector skipped since
 * its latest detection; 0 for a track a detector run has missed since.
 */
function trackBuffer(config: TrackerConfig): (track: Track) => number {
  return (track) => (track.missedRuns > 1 ? 0 : bufferAfter((track.timeSinceUpdate - 1) / config.frameRate, config));
}

/**
 * Motion weight λ for a track last detected `seconds` ago: λ·τ / (τ + s),
 * so appearance decides more as the predicted box grows uncertain.
 */
export function motionWeightAfter(seconds: number, config: Pick<TrackerConfig, 'motionWeight' | 'motionTrustSeconds'>): number {
  return (config.motionWeight * config.motionTrustSeconds) / (config.motionTrustSeconds + seconds);
}

/**
 * Main-pass cost for confirmed tracks. IoU is buffered (C-BIoU) by the time
 * since the track's latest detection. With embeddings on both sides:
 * λ·(1 − IoU) + (1 − λ)·cosine, gated by `maxCosineDistance`, with λ
 * shrinking over that time (`motionWeightAfter`). Without: 1 − IoU, gated by
 * `maxIouDistance` (SORT). Either way optionally gated by the squared
 * Mahalanobis distance (deep_sort; its process noise grows with the time
 * since the last detection) and by class.
 *
 * Speed: a motion-only pair needs overlapping boxes, so detections are
 * sorted by left edge and each track visits only those whose buffered box
 * can reach its own, instead of every column.
 */
export function mainPassCost(config: TrackerConfig): Metric {
  const bufferOf = trackBuffer(config);
  const minIou = 1 - config.maxIouDistance;
  // Reused between calls: allocating and zeroing a fresh 200x200 matrix costs
  // about as much as filling it. Each result is consumed before the next call.
  let scratch = new Float64Array(0);
  const gate: Projection = { mean: new Float64Array(4), covariance: new Float64Array(16), cholesky: new Float64Array(16) };
  return (tracks, dets, trackIndices, detIndices) => {
    const rows = trackIndices.length;
    const cols = detIndices.length;
    if (scratch.length < rows * cols) scratch = new Float64Array(rows * cols);
    const data = scratch.subarray(0, rows * cols).fill(Infinity);
    const sweep = new LeftEdgeSweep(dets, detIndices);
    for (let r = 0; r < rows; r++) {
      const track = tracks[trackIndices[r]];
      const buffer = bufferOf(track);
      const [tx, ty, tw, th] = expandTlwh(track.predictedBox, buffer);
      const useAppearance = track.gallery.size > 0;
      const lambda = motionWeightAfter(track.secondsSinceUpdate, config);
      let projected = false;
      const [from, to] = useAppearance ? [0, cols] : sweep.range(tx, tx + tw, buffer);
      for (let k = from; k < to; k++) {
        const c = useAppearance ? k : sweep.order[k];
        const det = dets[detIndices[c]];
        // The detection widened by the same buffer (inline: this loop runs for every candidate pair).
        const [bx, by, bw, bh] = det.box;
        const dx = bx - buffer * bw;
        const dy = by - buffer * bh;
        const dw = bw * (1 + 2 * buffer);
        const dh = bh * (1 + 2 * buffer);
        const iw = Math.min(tx + tw, dx + dw) - Math.max(tx, dx);
        const ih = Math.min(ty + th, dy + dh) - Math.max(ty, dy);
        const inter = iw > 0 && ih > 0 ? iw * ih : 0;
        const iou = inter / (tw * th + dw * dh - inter);
        const hasAppearance = useAppearance && det.embedding !== undefined;
        if (!hasAppearance && !(iou >= minIou && iou > 0)) continue;
        if (config.classAware && classesDiffer(track, det)) continue;
        // The cheap gate before the gallery scan (up to galleryBudget dot products): most pairs fail it.
        if (config.mahalanobisGate) {
          if (!projected) projectInto(track.kalman, config.kalman, gate);
          projected = true;
          const { cholesky: l, mean: mu } = gate;
          const z = det.xyah;
          if (mahalanobisSquared4(l, z[0] - mu[0], z[1] - mu[1], z[2] - mu[2], z[3] - mu[3]) > config.gatingThreshold) continue;
        }
        let cost = 1 - iou;
        if (hasAppearance) {
          const appearance = track.gallery.distance(det.embedding!);
          if (appearance > config.maxCosineDistance) continue;
          cost = lambda * cost + (1 - lambda) * appearance;
        }
        data[r * cols + c] = cost;
      }
    }
    return { data, rows, cols };
  };
}

/** Detections ordered by left edge, to find those that can overlap an x-interval. */
class LeftEdgeSweep {
  /** Column indices sorted by the detection's left edge. */
  readonly order: Int32Array;
  readonly #lefts: Float64Array;
  readonly #widest: number;

  constructor(dets: readonly PreparedDetection[], detIndices: readonly number[]) {
    const n = detIndices.length;
    const lefts = new Float64Array(n);
    let widest = 0;
    for (let c = 0; c < n; c++) {
      const box = dets[detIndices[c]].box;
      lefts[c] = box[0];
      widest = Math.max(widest, box[2]);
    }
    this.order = new Int32Array(n);
    for (let c = 0; c < n; c++) this.order[c] = c;
    this.order.sort((a, b) => lefts[a] - lefts[b]);
    this.#lefts = lefts.sort();
    this.#widest = widest;
  }

  /**
   * Range [from, to) of `order` whose boxes, widened by `buffer` of their
   * width per side, may overlap x in (x1, x2).
   */
  range(x1: number, x2: number, buffer = 0): [number, number] {
    return [this.#lowerBound(x1 - this.#widest * (1 + buffer)), this.#lowerBound(x2 + this.#widest * buffer)];
  }

  #lowerBound(x: number): number {
    let lo = 0;
    let hi = this.#lefts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#lefts[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** 1 − buffered IoU of tracks' predicted boxes, with the class gate. */
export function iouPassCost(config: TrackerConfig): Metric {
  const bufferOf = trackBuffer(config);
  return (tracks, dets, trackIndices, detIndices) => {
    const cost = iouDistance(tracks, dets, trackIndices, detIndices, (t) => t.predictedBox, bufferOf);
    return gateByClass(config, tracks, dets, trackIndices, detIndices, cost);
  };
}

/**
 * 1 − buffered IoU between a lost track's last matched detection and detections
 * (OC-SORT's observation-centric recovery): an object that stopped while
 * occluded reappears where it was last seen, not where its velocity drifted.
 */
export function recoveryPassCost(config: TrackerConfig): Metric {
  const bufferOf = trackBuffer(config);
  return (tracks, dets, trackIndices, detIndices) => {
    const cost = iouDistance(tracks, dets, trackIndices, detIndices, (t) => t.lastDetectionBox, bufferOf);
    return gateByClass(config, tracks, dets, trackIndices, detIndices, cost);
  };
}

function gateByClass(
  config: TrackerConfig,
  tracks: readonly Track[],
  dets: readonly PreparedDetection[],
  trackIndices: readonly number[],
  detIndices: readonly number[],
  cost: CostMatrix,
): CostMatrix {
  if (!config.classAware) return cost;
  for (let r = 0; r < cost.rows; r++) {
    for (let c = 0; c < cost.cols; c++) {
      if (classesDiffer(tracks[trackIndices[r]], dets[detIndices[c]])) cost.data[r * cost.cols + c] = Infinity;
    }
  }
  return cost;
}
