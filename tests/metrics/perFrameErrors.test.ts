import { describe, expect, it } from 'vitest';
import { evaluate, perFrameErrors } from '../../src/core/metrics/index.ts';
import { makeMotRow as row } from '../helpers/makeMotRow.ts';
import { seededRandom as mulberry32 } from '../helpers/seededRandom.ts';

// Same hand-computed case as clear.test.ts: a miss in frame 3, a switch in frame 4, a false positive in frame 2.
const gt = [1, 2, 3, 4].flatMap((f) => [row(f, 1, 0), row(f, 2, 100)]);
const res = [row(1, 10, 0), row(2, 10, 0), row(4, 11, 0), ...[1, 2, 3, 4].map((f) => row(f, 12, 102)), row(2, 13, 500)];

describe('perFrameErrors', () => {
  it('puts each event on its frame', () => {
    const frames = perFrameErrors(gt, res);
    expect(frames.map((f) => [f.frame, f.FP, f.FN, f.IDSW])).toEqual([
      [1, 0, 0, 0],
      [2, 1, 0, 0],
      [3, 0, 1, 0],
      [4, 0, 0, 1],
    ]);
    expect(frames.every((f) => f.numGt === 2)).toBe(true);
  });

  it('sums to evaluate() on random data', () => {
    const rand = mulberry32(7);
    const jitter = (f: number, id: number, x: number) => ({ ...row(f, id, x + (rand() - 0.5) * 8), conf: 1 });
    const g = [];
    const r = [];
    for (let f = 1; f <= 60; f++) {
      for (let id = 1; id <= 5; id++) {
        if (rand() < 0.9) g.push(row(f, id, id * 30));
        if (rand() < 0.85) r.push(jitter(f, rand() < 0.05 ? id + 10 : id, id * 30));
      }
    }
    const m = evaluate(g, r);
    const frames = perFrameErrors(g, r);
    const sum = (k: 'FP' | 'FN' | 'IDSW') => frames.reduce((s, f) => s + f[k], 0);
    expect([sum('FP'), sum('FN'), sum('IDSW')]).toEqual([m.FP, m.FN, m.IDSW]);
    expect(frames.reduce((s, f) => s + f.matches, 0)).toBe(m.numMatches);
  });

  it('rejects a bad IoU threshold, naming it', () => {
    expect(() => perFrameErrors(gt, res, { iouThreshold: 0 })).toThrow(/iouThreshold/);
  });
});
