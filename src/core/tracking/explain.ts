/**
 * What one `Tracker.update` did, for teaching and debugging (the Video
 * view's "DeepSORT internals"): every track's Kalman prediction, the cost
 * matrix each matching pass solved (copied, since metrics reuse buffers),
 * the Mahalanobis gate over the main pass, and the matches of each pass,
 * with the cascade level and the ByteTrack pass named. Recorded only when a
 * caller asks (`Tracker.update(detections, frame, observer)`); without an
 * observer nothing here runs, and with one the tracker's output is the same.
 */
import type { Tlwh } from '../geometry/boxes.ts';
import type { CostMatrix } from './assignmentSolver.ts';
import type { TrackerConfig } from './config.ts';
import { gatingDistance, project, type Gaussian } from './kalmanFilter.ts';
import type { KalmanParams } from './config.ts';
import type { DistanceMetric, MatchResult } from './linearAssignment.ts';
import type { PreparedDetection, Track } from './track.ts';

/** The association passes of `Tracker.update`, in order. */
export const PASS_NAMES = ['cascade', 'main', 'iou', 'byte', 'recovery'] as const;
export type PassName = (typeof PASS_NAMES)[number];

/** Labels for people: what each pass matches. */
export const PASS_LABELS: Readonly<Record<PassName, string>> = Object.freeze({
  cascade: 'Matching cascade (confirmed tracks × high-score detections)',
  main: 'Main pass (confirmed tracks × high-score detections)',
  iou: 'IoU pass (tentative and just-missed tracks × leftover detections)',
  byte: 'ByteTrack pass (unmatched tracks × low-score detections)',
  recovery: 'Recovery pass (lost tracks’ last boxes × leftover detections)',
});

/** A track as the update saw it after prediction. */
export interface ExplainedTrack {
  /** Index into the update's track list (rows of the pass matrices refer to it). */
  index: number;
  /** Id once confirmed; 0 while tentative. */
  id: number;
  confirmed: boolean;
  /** Detector runs since the track's latest detection, this one included (the cascade level). */
  missedRuns: number;
  /** Predicted state (cx, cy, a, h, velocities) and its 8×8 covariance, row-major. */
  mean: number[];
  covariance: number[];
  predictedBox: Tlwh;
  /** The Mahalanobis gate drawn on the image (`gateEllipse`). */
  gate: GateEllipse;
}

/** An ellipse in source pixels: centre, semi-axes, and the angle of `rx` from the x axis (radians). */
export interface GateEllipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  angle: number;
}

/**
 * The gate's shadow on the image: the box centres (cx, cy) for which some
 * aspect and height pass the squared-Mahalanobis gate `threshold`. The
 * shadow of the ellipsoid zᵀS⁻¹z ≤ c on a coordinate plane is the ellipse
 * of the marginal block of S at the same c, so its semi-axes are
 * √(c·λ) for the eigenvalues λ of S's (cx, cy) block.
 */
export function gateEllipse(state: Gaussian, kalman: KalmanParams, threshold: number): GateEllipse {
  const { mean, covariance: s } = project(state, kalman);
  const [a, b, d] = [s[0], s[1], s[5]];
  const mid = (a + d) / 2;
  const spread = Math.hypot((a - d) / 2, b);
  return {
    cx: mean[0],
    cy: mean[1],
    rx: Math.sqrt(threshold * (mid + spread)),
    ry: Math.sqrt(threshold * Math.max(0, mid - spread)),
    angle: 0.5 * Math.atan2(2 * b, a - d),
  };
}

export interface ExplainedDetection {
  index: number;
  box: Tlwh;
  score: number;
}

/** One solved assignment problem. */
export interface PassRecord {
  pass: PassName;
  /** Cascade level (missed runs) of every row; undefined for the other passes (and an empty cascade). */
  level?: number;
  /** Row → track index, column → detection index. */
  tracks: number[];
  detections: number[];
  /** Row-major costs; Infinity where a gate or the class rejected the pair. Empty when the pass had no tracks or no detections. */
  cost: number[];
  /** Pairs above this cost are never assigned. */
  maxCost: number;
  /** [track index, detection index] pairs this problem assigned. */
  matches: Array<[number, number]>;
}

export interface TrackerExplanation {
  /** Tracker clock frame of the update. */
  frame: number;
  tracks: ExplainedTrack[];
  detections: ExplainedDetection[];
  /** `gated[t][d]`: the squared Mahalanobis distance of detection d from track t's prediction exceeds the gate. */
  gated: boolean[][];
  gatingThreshold: number;
  passes: PassRecord[];
}

export type TrackerObserver = (explanation: TrackerExplanation) => void;

/** Collects one update's explanation; the tracker builds one only when observed. */
export class UpdateExplainer {
  readonly #passes: PassRecord[] = [];
  readonly #tracks: ExplainedTrack[];
  readonly #gated: boolean[][];

  constructor(
    readonly frame: number,
    tracks: readonly Track[],
    readonly dets: readonly PreparedDetection[],
    readonly config: TrackerConfig,
  ) {
    this.#tracks = tracks.map((t, index) => ({
      index,
      id: t.id,
      confirmed: t.isConfirmed,
      missedRuns: t.missedRuns,
      mean: Array.from(t.kalman.mean),
      covariance: Array.from(t.kalman.covariance),
      predictedBox: [...t.predictedBox] as Tlwh,
      gate: gateEllipse(t.kalman, config.kalman, config.gatingThreshold),
    }));
    const xyah = dets.map((d) => d.xyah);
    this.#gated = tracks.map((t) =>
      Array.from(gatingDistance(t.kalman, xyah, config.kalman), (d2) => config.mahalanobisGate && d2 > config.gatingThreshold),
    );
  }

  /** `metric`, recording every matrix it returns as a problem of `pass` (cascade levels from `levelOf`). */
  observe<T, D>(pass: PassName, metric: DistanceMetric<T, D>, maxCost: number, levelOf?: (track: T) => number): DistanceMetric<T, D> {
    return (tracks, detections, trackIndices, detectionIndices) => {
      const cost: CostMatrix = metric(tracks, detections, trackIndices, detectionIndices);
      this.#passes.push({
        pass,
        ...(levelOf ? { level: levelOf(tracks[trackIndices[0]]) } : {}),
        tracks: [...trackIndices],
        detections: [...detectionIndices],
        cost: Array.from(cost.data.subarray(0, cost.rows * cost.cols)),
        maxCost,
        matches: [],
      });
      return cost;
    };
  }

  /**
   * Files a pass's matches under the problems that produced them (each track
   * sits in one). A pass with nothing to solve (no tracks or no detections)
   * is recorded empty, with what it was given, so every pass shows.
   */
  matched(pass: PassName, result: MatchResult, tracks: readonly number[], detections: readonly number[], maxCost: number): void {
    if (!this.#passes.some((p) => p.pass === pass)) {
      this.#passes.push({ pass, tracks: [...tracks], detections: [...detections], cost: [], maxCost, matches: [] });
    }
    for (const m of result.matches) this.#passes.find((p) => p.pass === pass && p.tracks.includes(m[0]))?.matches.push([m[0], m[1]]);
  }

  build(): TrackerExplanation {
    return {
      frame: this.frame,
      tracks: this.#tracks,
      detections: this.dets.map((d, index) => ({ index, box: [...d.box] as Tlwh, score: d.score })),
      gated: this.#gated,
      gatingThreshold: this.config.gatingThreshold,
      // In pass order (a pass recorded empty at the end goes back to its place; cascade levels keep theirs).
      passes: [...this.#passes].sort((p, q) => PASS_NAMES.indexOf(p.pass) - PASS_NAMES.indexOf(q.pass)),
    };
  }
}
