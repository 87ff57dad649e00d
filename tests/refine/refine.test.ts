import { describe, expect, it } from 'vitest';
import type { MotRow } from '../../src/core/metrics/index.ts';
import { RefineConfigError, refineTracks, smoothTrack, validateRefineConfig } from '../../src/core/refine/index.ts';
import { seededRandom } from '../helpers/seededRandom';

const FPS = 10;
/** A person walking at `vx` pixels per frame, 40 x 100 px, seen on frames [from, to]. */
function walk(id: number, from: number, to: number, x0: number, vx: number): MotRow[] {
  const rows: MotRow[] = [];
  for (let f = from; f <= to; f++) rows.push({ frame: f, id, box: [x0 + vx * (f - from), 100, 40, 100], conf: 0.9 });
  return rows;
}

/** A unit-ish appearance vector near axis `axis` (8 dims), perturbed by seeded noise. */
function look(axis: number, rand: () => number): Float32Array {
  return new Float32Array(8).map((_, k) => (k === axis ? 1 : 0) + 0.05 * (rand() - 0.5));
}

const ids = (rows: readonly MotRow[]) => [...new Set(rows.map((r) => r.id))].sort((a, b) => a - b);

describe('tracklet linking', () => {
  const rand = seededRandom(7);
  // Person A walks right for 3 s, is occluded for 2 s (frames 31-50), and walks on as track 2.
  const before = walk(1, 1, 30, 10, 5);
  const after = walk(2, 51, 80, 10 + 5 * 50, 5);

  it('joins two tracklets of one person across a 2 s occlusion', () => {
    const embeddings = new Map([
      [1, look(0, rand)],
      [2, look(0, rand)],
    ]);
    const out = refineTracks([...before, ...after], FPS, { embeddings });
    expect(ids(out)).toEqual([1]);
    expect(out.filter((r) => r.frame > 30 && r.frame < 51)).toEqual([]); // a 2 s gap is longer than interpolation fills
  });

  it('does not join two different people who pass the same spot', () => {
    // Person B enters where A vanished, 2 s later, walking left through A's last position.
    const other = walk(2, 51, 80, 200, -5);
    const embeddings = new Map([
      [1, look(0, rand)],
      [2, look(1, rand)],
    ]);
    expect(ids(refineTracks([...before, ...other], FPS, { embeddings }))).toEqual([1, 2]);
    // The same two tracklets, looking alike, would be linked: the appearance gate is what keeps them apart.
    const alike = new Map([
      [1, look(0, rand)],
      [2, look(0, rand)],
    ]);
    expect(ids(refineTracks([...before, ...other], FPS, { embeddings: alike }))).toEqual([1]);
  });

  it('does not link on motion alone unless asked', () => {
    expect(ids(refineTracks([...before, ...after], FPS))).toEqual([1, 2]);
    expect(ids(refineTracks([...before, ...after], FPS, { config: { linkRequiresAppearance: false } }))).toEqual([1]);
  });

  it('does not link where the online tracker still held the track (gap under minLinkGapSeconds)', () => {
    const soon = walk(2, 36, 60, 10 + 5 * 35, 5);
    const embeddings = new Map([
      [1, look(0, rand)],
      [2, look(0, rand)],
    ]);
    expect(ids(refineTracks([...before, ...soon], FPS, { embeddings }))).toEqual([1, 2]);
  });
});

describe('Gaussian-smoothed interpolation (GSI)', () => {
  /** x = 10 + 3f, y = 20 + f, w = 30, h = 60 + f/2 at frame f. */
  const linear = (f: number): [number, number, number, number] => [10 + 3 * f, 20 + f, 30, 60 + f / 2];

  it('fills a gap with the exact boxes of a linear track and keeps the seen ones', () => {
    const seen = [1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 16, 17, 18, 19, 20]; // frames 9-11 missing
    const rows = seen.map((frame) => ({ frame, id: 3, box: linear(frame), conf: 0.8 }));
    const out = refineTracks(rows, FPS);
    expect(out.map((r) => r.frame)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    for (const r of out) r.box.forEach((v, i) => expect(v).toBeCloseTo(linear(r.frame)[i], 9));
    expect(out.find((r) => r.frame === 10)?.conf).toBe(0.8);
  });

  it('leaves gaps longer than maxInterpolateSeconds open', () => {
    const rows = [1, 2, 3, 10, 11, 12].map((frame) => ({ frame, id: 1, box: linear(frame), conf: 1 }));
    expect(refineTracks(rows, FPS).map((r) => r.frame)).toEqual([1, 2, 3, 10, 11, 12]);
  });

  it('smooths jitter: boxes move closer to the true path', () => {
    const rand = seededRandom(3);
    const rows = Array.from({ length: 40 }, (_, k) => {
      const [x, y, w, h] = linear(k + 1);
      return { frame: k + 1, id: 1, box: [x + 4 * (rand() - 0.5), y, w, h] as [number, number, number, number], conf: 1 };
    });
    const error = (rs: readonly MotRow[]) => rs.reduce((s, r) => s + Math.abs(r.box[0] - linear(r.frame)[0]), 0);
    expect(error(smoothTrack(rows, 2))).toBeLessThan(0.6 * error(rows));
  });
});

describe('validateRefineConfig', () => {
  it('names the bad key and value', () => {
    expect(() => validateRefineConfig({ maxLinkGapSeconds: -1 })).toThrow(RefineConfigError);
    expect(() => validateRefineConfig({ smoothTauSeconds: 0 })).toThrow(/smoothTauSeconds is 0; expected a number in/);
  });
});
