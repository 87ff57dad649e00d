import { describe, expect, it } from 'vitest';
import { combine, evaluate, HOTA_ALPHAS } from '../../src/core/metrics/index.ts';
import { makeMotRow as row } from '../helpers/makeMotRow.ts';

const frames = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('HOTA (TrackEval definition)', () => {
  it('uses the 19 alphas 0.05..0.95', () => {
    expect(HOTA_ALPHAS).toHaveLength(19);
    expect(HOTA_ALPHAS[0]).toBe(0.05);
    expect(HOTA_ALPHAS[18]).toBeCloseTo(0.95, 15);
  });

  it('is 1 for a perfect tracker', () => {
    const gt = frames(3).map((f) => row(f, 1, 0));
    const m = evaluate(
      gt,
      frames(3).map((f) => row(f, 7, 0)),
    );
    expect([m.HOTA, m.DetA, m.AssA, m.LocA]).toEqual([1, 1, 1, 1]);
  });

  it('counts a pair as TP only for alphas up to its IoU; unmatched alphas keep LocA = 1', () => {
    // IoU 2/3 in every frame: TP for alpha 0.05..0.65 (13 of 19 alphas).
    const m = evaluate(
      frames(3).map((f) => row(f, 1, 0)),
      frames(3).map((f) => row(f, 7, 2)),
    );
    expect(m.DetA).toBeCloseTo(13 / 19, 12);
    expect(m.AssA).toBeCloseTo(13 / 19, 12);
    expect(m.HOTA).toBeCloseTo(13 / 19, 12);
    expect(m.LocA).toBeCloseTo((13 * (80 / 120) + 6) / 19, 12);
  });

  it('halves AssA when the object is split over two tracks', () => {
    // gt 1 for 4 frames; track A covers frames 1-2, track B frames 3-4. Each pair: Jaccard 2 / (4 + 2 - 2).
    const gt = frames(4).map((f) => row(f, 1, 0));
    const res = frames(4).map((f) => row(f, f <= 2 ? 10 : 11, 0));
    const m = evaluate(gt, res);
    expect(m.DetA).toBe(1);
    expect(m.AssA).toBe(0.5);
    expect(m.HOTA).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('scores missing output as zero and combines sequences weighting AssA by TP', () => {
    const gt = frames(2).map((f) => row(f, 1, 0));
    const none = evaluate(gt, []);
    expect([none.HOTA, none.DetA, none.AssA, none.LocA]).toEqual([0, 0, 0, 1]);
    const perfect = evaluate(
      frames(3).map((f) => row(f, 1, 0)),
      frames(3).map((f) => row(f, 7, 0)),
    );
    const split = evaluate(
      frames(4).map((f) => row(f, 1, 0)),
      frames(4).map((f) => row(f, f <= 2 ? 10 : 11, 0)),
    );
    const o = combine([perfect, split]);
    expect(o.DetA).toBe(1);
    expect(o.AssA).toBeCloseTo((3 * 1 + 4 * 0.5) / 7, 15);
    expect(o.HOTA).toBeCloseTo(Math.sqrt(5 / 7), 15);
    const withEmpty = combine([perfect, none]);
    expect(withEmpty.DetA).toBeCloseTo(3 / 5, 15);
  });
});
