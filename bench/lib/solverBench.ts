/**
 * Assignment-solver and association-step timings for `bench/tracker.ts`:
 * dense random matrices (munkres-js vs the shortest-augmenting-path solver)
 * and one tracking-like frame (cost build + gated solve).
 */
import { munkresAssignment } from '../../dev/munkresAssignment.ts';
import { initiate, multiPredict, shortestAugmentingPath, validateTrackerConfig } from '../../src/core/tracking/index.ts';
import type { DenseSolver } from '../../src/core/tracking/index.ts';
import { MAX_ASSOCIATION_COST, mainPassCost } from '../../src/core/tracking/costs.ts';
import { matchingCascade } from '../../src/core/tracking/linearAssignment.ts';
import { Track } from '../../src/core/tracking/track.ts';
import type { PreparedDetection } from '../../src/core/tracking/track.ts';
import { tlwhToXyah } from '../../src/core/geometry/boxes.ts';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { mulberry32 as seededRandom } from '../../src/core/util/rng.ts';
import { medianMs } from './medianMs.ts';

export interface DenseTiming {
  readonly size: number;
  readonly munkresMs: number;
  readonly sapMs: number;
}

/** Times both solvers on one random dense n x n matrix with uniform [0, 1) costs. */
export function timeDense(n: number, runs: number): DenseTiming {
  const rand = seededRandom(n);
  const cost = Float64Array.from({ length: n * n }, rand);
  const time = (solver: DenseSolver, r: number) => medianMs(() => solver(cost, n, n), r, 1);
  return { size: n, munkresMs: time(munkresAssignment, Math.max(1, Math.round(runs / 10))), sapMs: time(shortestAugmentingPath, runs) };
}

/**
 * A tracking-like frame: `n` confirmed tracks spread over a 1920x1080 view
 * (pedestrian-sized boxes, some overlapping), each seen last frame, and `n`
 * detections near their predicted positions, in shuffled order.
 */
export function trackingLikeFrame(n: number): { tracks: Track[]; dets: PreparedDetection[] } {
  const rand = seededRandom(42);
  const config = validateTrackerConfig();
  const boxes: Tlwh[] = Array.from({ length: n }, () => {
    const h = 60 + rand() * 140;
    return [rand() * 1800, rand() * 900, h * 0.4, h];
  });
  const tracks = boxes.map((box, k) => {
    const det = { box, xyah: tlwhToXyah(box), score: 1 };
    const t = new Track(initiate(det.xyah, config.kalman), det, 1, config);
    t.confirmAs(k + 1);
    return t;
  });
  multiPredict(
    tracks.map((t) => t.kalman),
    config.kalman,
  ).forEach((g, k) => tracks[k].applyPrediction(g, 1));
  const dets = boxes
    .map((b): PreparedDetection => {
      const box: Tlwh = [b[0] + (rand() - 0.5) * 8, b[1] + (rand() - 0.5) * 8, b[2] * (0.95 + rand() * 0.1), b[3] * (0.95 + rand() * 0.1)];
      return { box, xyah: tlwhToXyah(box), score: 0.95 };
    })
    .sort(() => rand() - 0.5);
  return { tracks, dets };
}

/** Median ms of one main-pass association (cost build + gated solve) on a tracking-like frame. */
export function timeAssociation(n: number, runs: number): { ms: number; matches: number } {
  const { tracks, dets } = trackingLikeFrame(n);
  const metric = mainPassCost(validateTrackerConfig());
  const ti = tracks.map((_, k) => k);
  const di = dets.map((_, k) => k);
  const run = () => matchingCascade(metric, MAX_ASSOCIATION_COST, tracks, dets, ti, di);
  return { ms: medianMs(run, runs, 50), matches: run().matches.length };
}
