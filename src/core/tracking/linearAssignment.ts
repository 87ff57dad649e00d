/**
 * Matchers with one contract (deep_sort's): given tracks, detections and the
 * indices of each to consider, return matches plus what stayed unmatched.
 * The distance is passed in; cells above `maxCost` (Infinity included) are
 * never assigned.
 */
import { shortestAugmentingPath, solveGated } from './assignmentSolver.ts';
import type { CostMatrix, DenseSolver } from './assignmentSolver.ts';

export interface MatchResult {
  /** [trackIndex, detectionIndex] pairs, indices into the full arrays. */
  readonly matches: Array<[number, number]>;
  readonly unmatchedTracks: number[];
  readonly unmatchedDetections: number[];
}

/**
 * Cost of each (trackIndices[r], detectionIndices[c]) pair, row-major.
 * A metric may reuse one buffer between calls: the matrix is only valid
 * until the metric is called again.
 */
export type DistanceMetric<T, D> = (
  tracks: readonly T[],
  detections: readonly D[],
  trackIndices: readonly number[],
  detectionIndices: readonly number[],
) => CostMatrix;

/** Minimum-cost matching of the given tracks and detections under `metric`. */
export function minCostMatching<T, D>(
  metric: DistanceMetric<T, D>,
  maxCost: number,
  tracks: readonly T[],
  detections: readonly D[],
  trackIndices: readonly number[],
  detectionIndices: readonly number[],
  solver: DenseSolver = shortestAugmentingPath,
): MatchResult {
  if (trackIndices.length === 0 || detectionIndices.length === 0) {
    return { matches: [], unmatchedTracks: [...trackIndices], unmatchedDetections: [...detectionIndices] };
  }
  const cost = metric(tracks, detections, trackIndices, detectionIndices);
  const pairs = solveGated(cost, maxCost, solver);
  const trackTaken = new Uint8Array(trackIndices.length);
  const detTaken = new Uint8Array(detectionIndices.length);
  const matches: Array<[number, number]> = [];
  for (const [r, c] of pairs) {
    trackTaken[r] = 1;
    detTaken[c] = 1;
    matches.push([trackIndices[r], detectionIndices[c]]);
  }
  return {
    matches,
    unmatchedTracks: trackIndices.filter((_, r) => !trackTaken[r]),
    unmatchedDetections: detectionIndices.filter((_, c) => !detTaken[c]),
  };
}

/**
 * Matching cascade: tracks are matched level by level in increasing
 * `levelOf` (by default `timeSinceUpdate`), so the most recently seen tracks
 * claim detections first and a long-lost track cannot steal a detection from
 * a fresh one. Only the levels present are visited (deep_sort loops over
 * every age up to maxAge).
 */
export function matchingCascade<T extends { readonly timeSinceUpdate: number }, D>(
  metric: DistanceMetric<T, D>,
  maxCost: number,
  tracks: readonly T[],
  detections: readonly D[],
  trackIndices: readonly number[],
  detectionIndices: readonly number[],
  solver: DenseSolver = shortestAugmentingPath,
  levelOf: (track: T) => number = (t) => t.timeSinceUpdate,
): MatchResult {
  const levels = [...new Set(trackIndices.map((t) => levelOf(tracks[t])))].sort((a, b) => a - b);
  const matches: Array<[number, number]> = [];
  let unmatchedDetections = [...detectionIndices];
  const matchedTracks = new Set<number>();
  for (const level of levels) {
    if (unmatchedDetections.length === 0) break;
    const levelTracks = trackIndices.filter((t) => levelOf(tracks[t]) === level);
    const result = minCostMatching(metric, maxCost, tracks, detections, levelTracks, unmatchedDetections, solver);
    for (const m of result.matches) {
      matches.push(m);
      matchedTracks.add(m[0]);
    }
    unmatchedDetections = result.unmatchedDetections;
  }
  return { matches, unmatchedTracks: trackIndices.filter((t) => !matchedTracks.has(t)), unmatchedDetections };
}
