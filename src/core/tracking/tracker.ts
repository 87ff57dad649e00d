/**
 * DeepSORT-style multi-object tracker with SORT's IoU association, a
 * ByteTrack low-score pass and OC-SORT recovery, built for a detector that
 * may run only on some frames. Call `update(detections)` on every frame the
 * detector ran (also when it found nothing) and `advance()` on frames it
 * skipped; both return the confirmed tracks with stable ids. Ids are handed
 * out when a track is confirmed, so tentative tracks never use up numbers.
 */
import { tlwhToXyah, type Tlwh } from '../geometry/boxes.ts';
import type { DenseSolver } from './assignmentSolver.ts';
import { shortestAugmentingPath } from './assignmentSolver.ts';
import { framesIn, validateTrackerConfig } from './config.ts';
import type { TrackerConfig, TrackerConfigInput } from './config.ts';
import { iouPassCost, mainPassCost, MAX_ASSOCIATION_COST, recoveryPassCost } from './costs.ts';
import { UpdateExplainer, type TrackerObserver } from './explain.ts';
import { initiate, multiPredict, update as kalmanUpdate } from './kalmanFilter.ts';
import { matchingCascade, minCostMatching } from './linearAssignment.ts';
import { normalizeEmbedding } from './nnMatching.ts';
import { Track } from './track.ts';
import type { PreparedDetection } from './track.ts';
import type { Detection, TrackOutput } from './types.ts';

function prepare(d: Detection): PreparedDetection {
  const embedding = d.embedding ? normalizeEmbedding(d.embedding) : undefined;
  return { box: d.box, xyah: tlwhToXyah(d.box), score: d.score, classId: d.classId, label: d.label, embedding };
}

/** Slack when comparing clock frames that went through seconds. */
const FRAME_EPSILON = 1e-9;

/** Cascade level: detector runs missed, not frames (frames the detector skipped are not misses). */
const missedRuns = (t: Track) => t.missedRuns;

function indicesWhere<T>(items: readonly T[], keep: (item: T) => boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < items.length; k++) if (keep(items[k])) out.push(k);
  return out;
}

/** A track's box measured on a frame between detections (e.g. by pixel motion). */
export interface MotionObservation {
  readonly id: number;
  /** Source pixels on the current frame. */
  readonly box: Tlwh;
  /** False: the measurement failed its check, so the track keeps its Kalman prediction. */
  readonly reliable: boolean;
}

export class Tracker {
  readonly config: TrackerConfig;
  #tracks: Track[] = [];
  #nextId = 1;
  /** Tracker clock in frames; the first call is frame 1. */
  #frame = 0;
  /** Clock frame of the latest detector run. */
  #lastRunFrame = 0;
  /** Clock frames between the latest two detector runs (the unit of reported velocities). */
  #runInterval = 1;
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

  /**
   * A frame the detector ran on. `frame` is its number on the tracker clock
   * (default: the next frame); a jump of several frames predicts across them
   * in one step, with the process noise of the whole interval. `observer`, if
   * given, receives what this update did (`TrackerExplanation`: predictions,
   * gate, each pass's costs and matches); the result is the same either way.
   */
  update(detections: readonly Detection[], frame = this.#frame + 1, observer?: TrackerObserver): TrackOutput[] {
    const c = this.config;
    const tracks = this.#tracks;
    // 1. Predict every track to this frame (batched); one more detector run for each.
    this.#predictTo(frame);
    if (this.#lastRunFrame > 0) this.#runInterval = this.#frame - this.#lastRunFrame;
    this.#lastRunFrame = this.#frame;
    for (const t of tracks) t.countRun();
    // 2. Prepare detections once; split by score (ByteTrack): high, low, dropped.
    const dets = detections.map(prepare);
    const high = indicesWhere(dets, (d) => d.score >= c.highScoreThreshold);
    const low = indicesWhere(dets, (d) => d.score >= c.lowScoreThreshold && d.score < c.highScoreThreshold);
    const confirmed = indicesWhere(tracks, (t) => t.isConfirmed);
    const tentative = indicesWhere(tracks, (t) => !t.isConfirmed);
    // (An observer sees every cost matrix and match; without one the metrics run as they are.)
    const x = observer ? new UpdateExplainer(this.#frame, tracks, dets, c) : null;
    const mainName = c.cascade ? 'cascade' : 'main';
    const mainCost = x ? x.observe(mainName, this.#mainCost, MAX_ASSOCIATION_COST, c.cascade ? missedRuns : undefined) : this.#mainCost;
    // 3. Main pass: confirmed tracks vs high-score detections, optionally as a cascade over missed runs.
    const a = c.cascade
      ? matchingCascade(mainCost, MAX_ASSOCIATION_COST, tracks, dets, confirmed, high, this.solver, missedRuns)
      : minCostMatching(mainCost, MAX_ASSOCIATION_COST, tracks, dets, confirmed, high, this.solver);
    // 4. IoU pass: tentative tracks, and confirmed ones missed only this run, vs the rest.
    const iouTracks = [...tentative, ...a.unmatchedTracks.filter((t) => tracks[t].missedRuns === 1)];
    const iouCost = x ? x.observe('iou', this.#iouCost, c.maxIouDistance) : this.#iouCost;
    const b = minCostMatching(iouCost, c.maxIouDistance, tracks, dets, iouTracks, a.unmatchedDetections, this.solver);
    // 5. Second pass: low-score detections vs confirmed tracks still unmatched and seen on the previous run.
    const left = [...a.unmatchedTracks.filter((t) => tracks[t].missedRuns !== 1), ...b.unmatchedTracks];
    const byteTracks = c.secondPass ? left.filter((t) => tracks[t].isConfirmed && tracks[t].missedRuns === 1) : [];
    const byteCost = x ? x.observe('byte', this.#iouCost, c.secondPassMaxIouDistance) : this.#iouCost;
    const s = minCostMatching(byteCost, c.secondPassMaxIouDistance, tracks, dets, byteTracks, low, this.solver);
    const stillLeft = left.filter((t) => !byteTracks.includes(t)).concat(s.unmatchedTracks);
    // 6. Recovery pass: lost confirmed tracks' last observations vs leftover high-score detections.
    const lost = c.recoveryPass ? stillLeft.filter((t) => tracks[t].isConfirmed) : [];
    const recoveryCost = x ? x.observe('recovery', this.#recoveryCost, c.recoveryMaxIouDistance) : this.#recoveryCost;
    const r = minCostMatching(recoveryCost, c.recoveryMaxIouDistance, tracks, dets, lost, b.unmatchedDetections, this.solver);
    if (x && observer) {
      x.matched(mainName, a, confirmed, high, MAX_ASSOCIATION_COST);
      x.matched('iou', b, iouTracks, a.unmatchedDetections, c.maxIouDistance);
      x.matched('byte', s, byteTracks, low, c.secondPassMaxIouDistance);
      x.matched('recovery', r, lost, b.unmatchedDetections, c.recoveryMaxIouDistance);
      observer(x.build());
    }
    // 7. Correct matched tracks; mark the rest missed.
    const matches = [...a.matches, ...b.matches, ...s.matches, ...r.matches];
    for (const [t, d] of matches) tracks[t].update(kalmanUpdate(tracks[t].kalman, dets[d].xyah, c.kalman), dets[d], this.#frame);
    for (const t of stillLeft) if (!r.matches.some(([m]) => m === t)) tracks[t].markMissed(this.#frame);
    // 8. Start tentative tracks from unmatched confident detections.
    for (const d of r.unmatchedDetections) if (dets[d].score >= c.newTrackScoreThreshold) this.#startTrack(dets[d]);
    // 9. Confirm, expire and report.
    return this.#finish();
  }

  /**
   * A frame the detector skipped: tracks move by the motion model; nobody is
   * missed, confirmed or created. Returns the confirmed tracks detected on
   * the latest detector run, at their predicted boxes.
   */
  advance(frame = this.#frame + 1): TrackOutput[] {
    this.#predictTo(frame);
    return this.#finish();
  }

  /**
   * A frame between detections (`frame` on the tracker clock, fractions
   * allowed): tracks move by the motion model as in `advance`, then each
   * reliable observation of a confirmed track corrects its Kalman state as a
   * measurement whose std is `noiseScale` times a detection's. Unreliable
   * observations leave the prediction.
   */
  applyMotion(observations: readonly MotionObservation[], frame: number, noiseScale: number): TrackOutput[] {
    this.#predictTo(frame);
    const byId = new Map(this.#tracks.filter((t) => t.isConfirmed).map((t) => [t.id, t]));
    for (const o of observations) {
      const t = byId.get(o.id);
      if (t && o.reliable) t.applyMotion(kalmanUpdate(t.kalman, tlwhToXyah(o.box), this.config.kalman, noiseScale));
    }
    return this.#finish();
  }

  /** The tracker clock: the frame of the latest `update`, `advance` or `applyMotion`. */
  get frame(): number {
    return this.#frame;
  }

  #predictTo(frame: number): void {
    const dt = frame - this.#frame;
    if (!(dt > 0)) throw new RangeError(`Tracker: frame ${frame} is not after the current frame ${this.#frame}`);
    this.#frame = frame;
    const tracks = this.#tracks;
    const predicted = multiPredict(
      tracks.map((t) => t.kalman),
      this.config.kalman,
      dt,
    );
    tracks.forEach((t, k) => t.applyPrediction(predicted[k], dt));
  }

  /** Confirms ready tracks (ids in creation order), expires lost ones, reports recent confirmed ones. */
  #finish(): TrackOutput[] {
    for (const t of this.#tracks) {
      if (t.readyToConfirm) t.confirmAs(this.#nextId++);
      else if (t.isConfirmed) t.expire();
    }
    this.#tracks = this.#tracks.filter((t) => !t.isDeleted);
    const oldest = this.#frame - this.#lastRunFrame + framesIn(this.config.outputMaxTimeSinceUpdate, this.config);
    return this.#tracks
      .filter((t) => t.isConfirmed && t.timeSinceUpdate <= oldest + FRAME_EPSILON)
      .map((t) => t.toOutput(this.#runInterval));
  }

  #startTrack(det: PreparedDetection): void {
    this.#tracks.push(new Track(initiate(det.xyah, this.config.kalman), det, this.#frame, this.config));
  }
}
