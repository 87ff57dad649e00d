/**
 * DeepSORT-style multi-object tracker with SORT's IoU association and a
 * ByteTrack low-score pass. Call `update(detections)` once per frame (also
 * with no detections); it returns the confirmed tracks with stable ids.
 */
import { tlwhToXyah, type Tlwh } from '../geometry/boxes.ts';
import type { DenseSolver } from './assignmentSolver.ts';
import { shortestAugmentingPath } from './assignmentSolver.ts';
import { validateTrackerConfig } from './config.ts';
import type { TrackerConfig, TrackerConfigInput } from './config.ts';
import { iouPassCost, mainPassCost, MAX_ASSOCIATION_COST, recoveryPassCost } from './costs.ts';
import { initiate, multiPredict, predictBy, update as kalmanUpdate } from './kalmanFilter.ts';
import { matchingCascade, minCostMatching } from './linearAssignment.ts';
import { normalizeEmbedding } from './nnMatching.ts';
import { Track } from './track.ts';
import type { PreparedDetection } from './track.ts';
import type { Detection, TrackOutput } from './types.ts';

function prepare(d: Detection): PreparedDetection {
  const embedding = d.embedding ? normalizeEmbedding(d.embedding) : undefined;
  return { box: d.box, xyah: tlwhToXyah(d.box), score: d.score, classId: d.classId, label: d.label, embedding };
}

/** A track's box measured on a frame between detections (e.g. by pixel motion). */
export interface MotionObservation {
  readonly id: number;
  /** Source pixels on the current frame. */
  readonly box: Tlwh;
  /** False: the measurement failed its check, so the track keeps its Kalman prediction. */
  readonly reliable: boolean;
}

function indicesWhere<T>(items: readonly T[], keep: (item: T) => boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < items.length; k++) if (keep(items[k])) out.push(k);
  return out;
}

export class Tracker {
  readonly config: TrackerConfig;
  #tracks: Track[] = [];
  #nextId = 1;
  #frame = 0;
  readonly #mainCost;
  readonly #iouCost;
  readonly #recoveryCost;

  /** `config` is validated and copied; `solver` solves each non-trivial block. */
  constructor(
    config: TrackerConfigInput = {},
    private readonly solver: DenseSolver = shortestAugmentingPath,
  ) {
    this.config = validateTrackerConfig(config);
    this.#mainCost = mainPassCost(this.config);
    this.#iouCost = iouPassCost(this.config);
    this.#recoveryCost = recoveryPassCost(this.config);
  }

  /** Number of live tracks, tentative ones included. */
  get trackCount(): number {
    return this.#tracks.length;
  }

  update(detections: readonly Detection[]): TrackOutput[] {
    const c = this.config;
    const tracks = this.#tracks;
    this.#frame++;
    // 1. Predict every track one frame ahead (batched).
    const predicted = multiPredict(
      tracks.map((t) => t.kalman),
      c.kalman,
    );
    // Tracks moved by `applyMotion` since the last update only have the rest of the step to go.
    tracks.forEach((t, k) => t.applyPrediction(t.stepsAhead > 0 ? predictBy(t.kalman, c.kalman, 1 - t.stepsAhead) : predicted[k]));
    // 2. Prepare detections once; split by score (ByteTrack): high, low, dropped.
    const dets = detections.map(prepare);
    const high = indicesWhere(dets, (d) => d.score >= c.highScoreThreshold);
    const low = indicesWhere(dets, (d) => d.score >= c.lowScoreThreshold && d.score < c.highScoreThreshold);
    const confirmed = indicesWhere(tracks, (t) => t.isConfirmed);
    const tentative = indicesWhere(tracks, (t) => !t.isConfirmed);
    // 3. Main pass: confirmed tracks vs high-score detections, optionally as a cascade.
    const matcher = c.cascade ? matchingCascade : minCostMatching;
    const a = matcher(this.#mainCost, MAX_ASSOCIATION_COST, tracks, dets, confirmed, high, this.solver);
    // 4. IoU pass: tentative tracks, and confirmed ones missed only this frame, vs the rest.
    const recent = a.unmatchedTracks.filter((t) => tracks[t].timeSinceUpdate === 1);
    const b = minCostMatching(this.#iouCost, c.maxIouDistance, tracks, dets, [...tentative, ...recent], a.unmatchedDetections, this.solver);
    // 5. Second pass: low-score detections vs confirmed tracks still unmatched and seen last frame.
    const left = [...a.unmatchedTracks.filter((t) => tracks[t].timeSinceUpdate !== 1), ...b.unmatchedTracks];
    const byteTracks = c.secondPass ? left.filter((t) => tracks[t].isConfirmed && tracks[t].timeSinceUpdate === 1) : [];
    const s = minCostMatching(this.#iouCost, c.secondPassMaxIouDistance, tracks, dets, byteTracks, low, this.solver);
    const stillLeft = left.filter((t) => !byteTracks.includes(t)).concat(s.unmatchedTracks);
    // 6. Recovery pass: lost confirmed tracks' last observations vs leftover high-score detections.
    const lost = c.recoveryPass ? stillLeft.filter((t) => tracks[t].isConfirmed) : [];
    const r = minCostMatching(this.#recoveryCost, c.recoveryMaxIouDistance, tracks, dets, lost, b.unmatchedDetections, this.solver);
    // 7. Correct matched tracks; mark the rest missed.
    const matches = [...a.matches, ...b.matches, ...s.matches, ...r.matches];
    for (const [t, d] of matches) tracks[t].update(kalmanUpdate(tracks[t].kalman, dets[d].xyah, c.kalman), dets[d], this.#frame);
    for (const t of stillLeft) if (!r.matches.some(([m]) => m === t)) tracks[t].markMissed();
    // 8. Start tentative tracks from unmatched confident detections.
    for (const d of r.unmatchedDetections) if (dets[d].score >= c.newTrackScoreThreshold) this.#startTrack(dets[d]);
    // 9. Drop deleted tracks; report confirmed tracks seen recently enough.
    this.#tracks = tracks.filter((t) => !t.isDeleted);
    return this.#tracks.filter((t) => t.isConfirmed && t.timeSinceUpdate <= c.outputMaxTimeSinceUpdate).map((t) => t.toOutput());
  }

  /**
   * A frame between detections, `stepsAhead` update steps after the last
   * `update` (a fraction of a step): each observed confirmed track is
   * predicted to this frame and, when its observation is reliable, corrected
   * by it as a measurement whose std is `noiseScale` times a detection's.
   * Unreliable observations leave the prediction. Returns those tracks'
   * snapshots with boxes on this frame; the next `update` predicts only the
   * rest of the step.
   */
  applyMotion(observations: readonly MotionObservation[], stepsAhead: number, noiseScale: number): TrackOutput[] {
    const byId = new Map(this.#tracks.filter((t) => t.isConfirmed).map((t) => [t.id, t]));
    const out: TrackOutput[] = [];
    for (const o of observations) {
      const t = byId.get(o.id);
      if (!t || !(stepsAhead > t.stepsAhead && stepsAhead < 1)) continue;
      const predicted = predictBy(t.kalman, this.config.kalman, stepsAhead - t.stepsAhead);
      t.applyMotion(o.reliable ? kalmanUpdate(predicted, tlwhToXyah(o.box), this.config.kalman, noiseScale) : predicted, stepsAhead);
      out.push(t.toOutput());
    }
    return out;
  }

  #startTrack(det: PreparedDetection): void {
    this.#tracks.push(new Track(this.#nextId++, initiate(det.xyah, this.config.kalman), det, this.#frame, this.config));
  }
}
