import { describe, expect, it } from 'vitest';
import { LabelSmoother, validateSmootherConfig } from '../../src/core/classifier/index.ts';

const cfg = { alpha: 0.5, switchMargin: 0.2, switchUpdates: 2, minScore: 0.6 };
const A = [0.9, 0.1];
const B = [0.1, 0.9];

describe('LabelSmoother (EMA + hysteresis)', () => {
  it('adopts the first best class, then switches only after M consecutive updates beating it by the margin', () => {
    const s = new LabelSmoother(cfg);
    const seq = [A, B, B, B].map((p) => s.update(7, p));
    // EMA of class 0: 0.9 → 0.5 → 0.3 → 0.2; class 1: 0.1 → 0.5 → 0.7 → 0.8.
    expect(seq.map((r) => r.classIndex)).toEqual([0, null, null, 1]);
    expect(seq.map((r) => r.score)).toEqual([0.9, 0.5, 0.3, 0.8].map((v) => expect.closeTo(v, 6)));
  });

  it('a single contrary frame does not change the label, and the streak resets', () => {
    const s = new LabelSmoother({ ...cfg, minScore: 0 });
    s.update(1, A); // ema [0.9, 0.1]
    expect(s.update(1, [0, 1]).classIndex).toBe(0); // [0.45, 0.55]: beats by 0.1 < margin
    expect(s.update(1, [0, 1]).classIndex).toBe(0); // [0.225, 0.775]: streak 1
    expect(s.update(1, [1, 0]).classIndex).toBe(0); // [0.6125, 0.3875]: streak reset
    expect(s.update(1, [0, 1]).classIndex).toBe(0); // [0.30625, 0.69375]: streak 1
    const r = s.update(1, [0, 1]); // [0.153125, 0.846875]: streak 2 → switch
    expect(r.classIndex).toBe(1);
    expect(r.score).toBeCloseTo(0.846875, 6);
  });

  it('shows nothing below the minimum score, keeps tracks apart, and forgets inactive tracks', () => {
    const s = new LabelSmoother(cfg);
    expect(s.update(1, [0.55, 0.45])).toEqual({ classIndex: null, score: expect.closeTo(0.55, 6) });
    expect(s.update(2, B).classIndex).toBe(1);
    expect(s.current(1).classIndex).toBeNull();
    expect(s.current(3)).toEqual({ classIndex: null, score: 0 });
    s.retain([2]);
    expect(s.size).toBe(1);
    expect(s.current(2).classIndex).toBe(1);
  });

  it('validates its config with the key, value and range', () => {
    expect(() => validateSmootherConfig({ alpha: 0 })).toThrow('alpha is 0; expected a number in (0, 1]');
    expect(() => validateSmootherConfig({ switchUpdates: 1.5 })).toThrow('switchUpdates is 1.5; expected an integer in [1, 100]');
    expect(() => validateSmootherConfig({ margin: 0.2 } as never)).toThrow(
      'margin is 0.2; expected no such setting; known settings: alpha,',
    );
  });
});
