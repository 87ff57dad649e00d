import { describe, expect, it } from 'vitest';
import { combine, evaluate, formatMetricsTable } from '../../src/core/metrics/index.ts';
import { makeMotRow as row } from '../helpers/makeMotRow.ts';

// Two gt objects over frames 1-4 (10x10 boxes). Hypotheses:
// A follows gt 1 in frames 1-2 (IoU 1); gt 1 is missed in frame 3; B takes gt 1 in frame 4 (a switch);
// C follows gt 2 shifted by 2 px in every frame (IoU 80/120 = 2/3); D is a false positive in frame 2.
const gt = [1, 2, 3, 4].flatMap((f) => [row(f, 1, 0), row(f, 2, 100)]);
const res = [row(1, 10, 0), row(2, 10, 0), row(4, 11, 0), ...[1, 2, 3, 4].map((f) => row(f, 12, 102)), row(2, 13, 500)];

describe('evaluate: CLEAR MOT on a hand-computed case', () => {
  const m = evaluate(gt, res);
  it('counts events', () => {
    expect(m).toMatchObject({
      numFrames: 4,
      numGt: 8,
      numPredictions: 8,
      numMatches: 6,
      numDetections: 7,
      FP: 1,
      FN: 1,
      IDSW: 1,
      fragmentations: 1,
      numUniqueObjects: 2,
      MT: 1,
      PT: 1,
      ML: 0,
    });
  });
  it('derives the ratios', () => {
    expect(m.MOTA).toBe(1 - 3 / 8);
    expect(m.recall).toBe(7 / 8);
    expect(m.precision).toBe(7 / 8);
    expect(m.MOTP).toBeCloseTo(4 / 3 / 7, 12);
  });
  it('computes identity metrics from the global id matching (1-A: 2 frames, 2-C: 4 frames)', () => {
    expect(m).toMatchObject({ idtp: 6, idfp: 2, idfn: 2 });
    expect(m.IDF1).toBe(0.75);
    expect(m.IDP).toBe(0.75);
    expect(m.IDR).toBe(0.75);
  });
});

describe('evaluate: py-motmetrics accumulator rules', () => {
  it('keeps the previous frame pairing while it passes the gate, even if another box fits better', () => {
    // A overlaps gt 1 with IoU 70/130; B is a perfect fit that appears in frame 2.
    const m = evaluate([row(1, 1, 0), row(2, 1, 0)], [row(1, 10, 3), row(2, 10, 3), row(2, 11, 0)]);
    expect(m).toMatchObject({ IDSW: 0, FP: 1, numMatches: 2 });
  });
  it('re-solves after a missed frame and counts a switch to the better box', () => {
    const gt3 = [1, 2, 3].map((f) => row(f, 1, 0));
    const m = evaluate(gt3, [row(1, 10, 3), row(3, 10, 3), row(3, 11, 0)]);
    expect(m).toMatchObject({ IDSW: 1, FN: 1, FP: 1, fragmentations: 1, numMatches: 1 });
  });
  it('matches at exactly IoU 0.5 and not below', () => {
    // 10x10 boxes: a shift of 10/3 px gives IoU 0.5 exactly.
    const shift = 10 / 3;
    expect(evaluate([row(1, 1, 0, 0, 10, 10)], [row(1, 2, 0, 0, 10, 5)]).numMatches).toBe(1); // IoU 50/100
    expect(evaluate([row(1, 1, 0)], [row(1, 2, shift + 0.01)]).numMatches).toBe(0);
    expect(evaluate([row(1, 1, 0)], [row(1, 2, 0, 0, 10, 5)], { iouThreshold: 0.51 }).numMatches).toBe(0);
  });
  it('drops zero-confidence gt rows only when asked', () => {
    const gtz = [row(1, 1, 0), row(1, 2, 50, 0, 10, 10, 0)];
    expect(evaluate(gtz, []).FN).toBe(2);
    expect(evaluate(gtz, [], { dropZeroConfGt: true }).FN).toBe(1);
  });
  it('splits MT / PT / ML at >80% and <20% of frames matched', () => {
    const gt5 = [1, 2, 3, 4, 5].map((f) => row(f, 1, 0));
    const tracked = (n: number): number =>
      evaluate(
        gt5,
        gt5.slice(0, n).map((r) => row(r.frame, 9, 0)),
      ).MT;
    expect(tracked(5)).toBe(1);
    expect(tracked(4)).toBe(0); // exactly 80% is partially tracked (devkit rule)
    const m1 = evaluate(gt5, [row(1, 9, 0)]);
    expect([m1.MT, m1.PT, m1.ML]).toEqual([0, 1, 0]); // 20% is partially tracked
    const m0 = evaluate(gt5, []);
    expect([m0.MT, m0.PT, m0.ML]).toEqual([0, 0, 1]);
  });
  it('rejects bad options and duplicate ids in a frame', () => {
    expect(() => evaluate([], [], { iouThreshold: 0 })).toThrow(/iouThreshold must be in \(0, 1\], got 0/);
    expect(() => evaluate([row(1, 1, 0), row(1, 1, 5)], [])).toThrow(/ground-truth id 1 appears twice in frame 1/);
  });
  it('returns NaN ratios for empty input instead of throwing', () => {
    const m = evaluate([], []);
    expect(m.numFrames).toBe(0);
    expect(m.MOTA).toBeNaN();
    expect(m.IDF1).toBeNaN();
  });
});

describe('combine', () => {
  it('sums counts and recomputes ratios', () => {
    const a = evaluate(gt, res);
    const b = evaluate([row(1, 1, 0)], [row(1, 5, 0), row(1, 6, 300)]);
    const o = combine([a, b]);
    expect(o).toMatchObject({ numGt: 9, numPredictions: 10, FP: 2, FN: 1, IDSW: 1, MT: 2, idtp: 7 });
    expect(o.MOTA).toBe(1 - 4 / 9);
    expect(o.IDF1).toBe(14 / 19);
    expect(o.MOTP).toBeCloseTo(4 / 3 / 8, 12);
  });
  it('refuses an empty list', () => {
    expect(() => combine([])).toThrow(/at least one sequence/);
  });
});

describe('formatMetricsTable', () => {
  it('prints percent with one decimal and aligns columns', () => {
    const table = formatMetricsTable([{ name: 'seq', m: evaluate(gt, res) }]);
    const [header, line] = table.trimEnd().split('\n');
    expect(header.split(/\s+/).filter(Boolean)).toEqual([
      'IDF1',
      'IDP',
      'IDR',
      'Rcll',
      'Prcn',
      'GT',
      'MT',
      'PT',
      'ML',
      'FP',
      'FN',
      'IDs',
      'FM',
      'MOTA',
      'MOTP',
      'HOTA',
      'DetA',
      'AssA',
      'LocA',
    ]);
    expect(line.split(/\s+/).slice(0, 15)).toEqual([
      'seq',
      '75.0%',
      '75.0%',
      '75.0%',
      '87.5%',
      '87.5%',
      '2',
      '1',
      '1',
      '0',
      '1',
      '1',
      '1',
      '1',
      '62.5%',
    ]);
    expect(header.length).toBe(line.length);
  });
});
