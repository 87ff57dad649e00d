/**
 * CLEAR MOT event counting with py-motmetrics' `MOTAccumulator` semantics:
 *
 * 1. An object that was matched in the previous update (the previous frame
 *    of the sequence) keeps that hypothesis when it is present and still
 *    within the distance gate (current py-motmetrics: `last_match ==
 *    last_update_frameid`; older releases carried pairs over any gap, which
 *    does not reproduce the devkit's MOT17 numbers).
 * 2. The remaining objects and hypotheses are matched by a min-cost
 *    assignment on distance `1 - IoU` (most valid pairs first, then least
 *    distance). A match whose object was last paired with a different
 *    hypothesis is a SWITCH.
 * 3. Unmatched objects are misses; unmatched hypotheses are false positives.
 *
 * Also collects what the derived metrics need: per-object coverage for
 * MT/PT/ML, fragmentations, and per (object, hypothesis) pair the number of
 * frames within the gate (identity metrics).
 */
import type { FrameInput, SequenceFrames } from './sequenceFrames.ts';
import { matchWithForbidden } from './matchWithForbidden.ts';

export interface ClearEvents {
  readonly numFrames: number;
  readonly numGt: number;
  readonly numPredictions: number;
  /** MATCH events (py-motmetrics `num_matches`, switches excluded). */
  readonly numMatches: number;
  readonly numSwitches: number;
  readonly numMisses: number;
  readonly numFalsePositives: number;
  readonly numFragmentations: number;
  /** Sum of `1 - IoU` over MATCH and SWITCH events. */
  readonly distanceSum: number;
  /** Per gt index: frames present and frames matched. */
  readonly gtPresent: Int32Array;
  readonly gtTracked: Int32Array;
  /** Per result index: frames present. */
  readonly resPresent: Int32Array;
  /** Frames in which a (gt, result) pair is within the gate; key gt * numResIds + res. */
  readonly pairGated: Map<number, number>;
}

/** One frame's CLEAR events (for per-frame error charts). */
export interface FrameEvents {
  readonly frame: number;
  readonly FP: number;
  readonly FN: number;
  readonly IDSW: number;
  /** MATCH events (switches excluded). */
  readonly matches: number;
  readonly numGt: number;
}

export type FrameEventsListener = (events: FrameEvents) => void;

interface State {
  readonly lastHyp: Int32Array; // per gt: last matched result index, -1 if never
  readonly lastMatchStep: Int32Array; // per gt: update step of its last match, -1 if never
  step: number; // index of the current update (frame) in the sequence
  readonly everTracked: Uint8Array;
  readonly missedSinceTracked: Uint8Array;
  readonly resPos: Int32Array; // per result index: column in current frame, -1 if absent
  matches: number;
  switches: number;
  fragmentations: number;
  distanceSum: number;
}

function recordMatch(s: State, ev: ClearEvents, gi: number, dist: number, isSwitch: boolean): void {
  s.lastMatchStep[gi] = s.step;
  if (isSwitch) s.switches++;
  else s.matches++;
  s.distanceSum += dist;
  ev.gtTracked[gi]++;
  if (s.everTracked[gi] && s.missedSinceTracked[gi]) s.fragmentations++;
  s.everTracked[gi] = 1;
  s.missedSinceTracked[gi] = 0;
}

/** Step 1: carry forward previous pairings. Marks matched rows/cols. */
function carryForward(f: FrameInput, dist: Float64Array, s: State, ev: ClearEvents, rowDone: Uint8Array, colDone: Uint8Array): void {
  const nr = f.res.length;
  for (let i = 0; i < f.gt.length; i++) {
    const prev = s.lastHyp[f.gt[i]];
    if (prev < 0 || s.lastMatchStep[f.gt[i]] !== s.step - 1) continue;
    const j = s.resPos[prev];
    if (j < 0 || colDone[j] || !Number.isFinite(dist[i * nr + j])) continue;
    rowDone[i] = 1;
    colDone[j] = 1;
    recordMatch(s, ev, f.gt[i], dist[i * nr + j], false);
  }
}

/** Step 2: min-cost assignment over the rows/cols not carried forward. */
function assignRest(f: FrameInput, dist: Float64Array, s: State, ev: ClearEvents, rowDone: Uint8Array, colDone: Uint8Array): void {
  const nr = f.res.length;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < f.gt.length; i++) if (!rowDone[i]) rows.push(i);
  for (let j = 0; j < nr; j++) if (!colDone[j]) cols.push(j);
  const sub = new Float64Array(rows.length * cols.length);
  for (let a = 0; a < rows.length; a++) {
    for (let b = 0; b < cols.length; b++) sub[a * cols.length + b] = dist[rows[a] * nr + cols[b]];
  }
  for (const [a, b] of matchWithForbidden(sub, rows.length, cols.length)) {
    const i = rows[a];
    const j = cols[b];
    const gi = f.gt[i];
    const prev = s.lastHyp[gi];
    recordMatch(s, ev, gi, dist[i * nr + j], prev >= 0 && prev !== f.res[j]);
    s.lastHyp[gi] = f.res[j];
    rowDone[i] = 1;
    colDone[j] = 1;
  }
}

function newState(nGt: number, nRes: number): State {
  return {
    lastHyp: new Int32Array(nGt).fill(-1),
    lastMatchStep: new Int32Array(nGt).fill(-1),
    step: 0,
    everTracked: new Uint8Array(nGt),
    missedSinceTracked: new Uint8Array(nGt),
    resPos: new Int32Array(nRes).fill(-1),
    matches: 0,
    switches: 0,
    fragmentations: 0,
    distanceSum: 0,
  };
}

/** Gated distance matrix for one frame; NaN marks pairs beyond the gate. */
function gatedDistances(f: FrameInput, maxDistance: number, ev: ClearEvents, numResIds: number): Float64Array {
  const dist = new Float64Array(f.iou.length);
  const nr = f.res.length;
  for (let i = 0; i < f.gt.length; i++) {
    for (let j = 0; j < nr; j++) {
      const d = 1 - f.iou[i * nr + j];
      if (d > maxDistance) {
        dist[i * nr + j] = NaN;
      } else {
        dist[i * nr + j] = d;
        const key = f.gt[i] * numResIds + f.res[j];
        ev.pairGated.set(key, (ev.pairGated.get(key) ?? 0) + 1);
      }
    }
  }
  return dist;
}

/**
 * Counts CLEAR events over a sequence. A pair is within the gate when
 * `1 - IoU <= 1 - iouThreshold` (py-motmetrics: distances above `max_iou` are NaN).
 */
export function countClearEvents(seq: SequenceFrames, iouThreshold: number, onFrame?: FrameEventsListener): ClearEvents {
  const nGt = seq.gtIds.length;
  const nRes = seq.resIds.length;
  const ev = {
    numFrames: seq.frames.length,
    numGt: 0,
    numPredictions: 0,
    numMatches: 0,
    numSwitches: 0,
    numMisses: 0,
    numFalsePositives: 0,
    numFragmentations: 0,
    distanceSum: 0,
    gtPresent: new Int32Array(nGt),
    gtTracked: new Int32Array(nGt),
    resPresent: new Int32Array(nRes),
    pairGated: new Map<number, number>(),
  };
  const s = newState(nGt, nRes);
  const maxDistance = 1 - iouThreshold;
  for (const f of seq.frames) {
    const before = onFrame ? { fp: ev.numFalsePositives, fn: ev.numMisses, idsw: s.switches, matches: s.matches } : null;
    f.res.forEach((r, j) => {
      s.resPos[r] = j;
      ev.resPresent[r]++;
    });
    const dist = gatedDistances(f, maxDistance, ev, nRes);
    const rowDone = new Uint8Array(f.gt.length);
    const colDone = new Uint8Array(f.res.length);
    if (f.gt.length > 0 && f.res.length > 0) {
      carryForward(f, dist, s, ev, rowDone, colDone);
      assignRest(f, dist, s, ev, rowDone, colDone);
    }
    f.gt.forEach((g, i) => {
      ev.gtPresent[g]++;
      if (!rowDone[i]) {
        ev.numMisses++;
        if (s.everTracked[g]) s.missedSinceTracked[g] = 1;
      }
    });
    colDone.forEach((done) => {
      if (!done) ev.numFalsePositives++;
    });
    ev.numGt += f.gt.length;
    ev.numPredictions += f.res.length;
    f.res.forEach((r) => {
      s.resPos[r] = -1;
    });
    s.step++;
    if (onFrame && before) {
      onFrame({
        frame: f.frame,
        FP: ev.numFalsePositives - before.fp,
        FN: ev.numMisses - before.fn,
        IDSW: s.switches - before.idsw,
        matches: s.matches - before.matches,
        numGt: f.gt.length,
      });
    }
  }
  return { ...ev, numMatches: s.matches, numSwitches: s.switches, numFragmentations: s.fragmentations, distanceSum: s.distanceSum };
}
