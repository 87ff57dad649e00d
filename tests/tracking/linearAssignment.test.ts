import { describe, expect, it } from 'vitest';
import { matchingCascade, minCostMatching } from '../../src/core/tracking/index.ts';
import type { DistanceMetric } from '../../src/core/tracking/index.ts';

interface T {
  readonly timeSinceUpdate: number;
  readonly x: number;
}
interface D {
  readonly x: number;
}

/** |track.x - det.x|, the distance the matchers are given. */
const metric: DistanceMetric<T, D> = (tracks, dets, ti, di) => ({
  data: Float64Array.from(ti.flatMap((t) => di.map((d) => Math.abs(tracks[t].x - dets[d].x)))),
  rows: ti.length,
  cols: di.length,
});

describe('minCostMatching', () => {
  it('returns matches and the unmatched indices, in full-array indices', () => {
    const tracks: T[] = [
      { timeSinceUpdate: 1, x: 0 },
      { timeSinceUpdate: 1, x: 100 },
      { timeSinceUpdate: 1, x: 10 },
    ];
    const dets: D[] = [{ x: 11 }, { x: 50 }, { x: 1 }];
    const r = minCostMatching(metric, 5, tracks, dets, [0, 1, 2], [0, 1, 2]);
    expect(r.matches.sort()).toEqual([
      [0, 2],
      [2, 0],
    ]);
    expect(r.unmatchedTracks).toEqual([1]);
    expect(r.unmatchedDetections).toEqual([1]);
  });

  it('only considers the given subsets', () => {
    const tracks: T[] = [
      { timeSinceUpdate: 1, x: 0 },
      { timeSinceUpdate: 1, x: 10 },
    ];
    const dets: D[] = [{ x: 0 }, { x: 10 }];
    const r = minCostMatching(metric, 5, tracks, dets, [1], [0, 1]);
    expect(r).toEqual({ matches: [[1, 1]], unmatchedTracks: [], unmatchedDetections: [0] });
    expect(minCostMatching(metric, 5, tracks, dets, [], [0])).toEqual({ matches: [], unmatchedTracks: [], unmatchedDetections: [0] });
  });
});

describe('matchingCascade', () => {
  it('lets the most recently updated track claim a detection first', () => {
    // Track 0 was lost 3 frames ago and is closer; track 1 was seen last frame.
    const tracks: T[] = [
      { timeSinceUpdate: 3, x: 10 },
      { timeSinceUpdate: 1, x: 13 },
    ];
    const dets: D[] = [{ x: 10 }];
    const plain = minCostMatching(metric, 5, tracks, dets, [0, 1], [0]);
    expect(plain.matches).toEqual([[0, 0]]);
    const cascade = matchingCascade(metric, 5, tracks, dets, [0, 1], [0]);
    expect(cascade.matches).toEqual([[1, 0]]);
    expect(cascade.unmatchedTracks).toEqual([0]);
    expect(cascade.unmatchedDetections).toEqual([]);
  });

  it('visits levels in increasing timeSinceUpdate and passes leftovers on', () => {
    const tracks: T[] = [
      { timeSinceUpdate: 5, x: 20 },
      { timeSinceUpdate: 2, x: 0 },
      { timeSinceUpdate: 1, x: 100 },
    ];
    const dets: D[] = [{ x: 1 }, { x: 21 }];
    const r = matchingCascade(metric, 5, tracks, dets, [0, 1, 2], [0, 1]);
    expect(r.matches).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(r.unmatchedTracks).toEqual([2]);
  });
});
