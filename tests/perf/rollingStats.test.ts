import { describe, expect, it } from 'vitest';
import { RateMeter, RollingWindow, StageStats } from '../../src/core/perf/rollingStats';

describe('RollingWindow', () => {
  it('gives nearest-rank median and p95 over the last `size` samples', () => {
    const w = new RollingWindow(20);
    for (let i = 1; i <= 25; i++) w.push(i); // keeps 6..25
    expect(w.count).toBe(20);
    expect(w.median).toBe(15);
    expect(w.p95).toBe(24);
    expect(w.quantile(0)).toBe(6);
    expect(w.quantile(1)).toBe(25);
  });
  it('is NaN when empty and rejects a bad size', () => {
    expect(new RollingWindow(3).median).toBeNaN();
    expect(() => new RollingWindow(0)).toThrow('size must be a positive integer, got 0');
  });
});

describe('RateMeter', () => {
  it('counts events per second inside the window', () => {
    const r = new RateMeter(1000);
    for (const t of [0, 100, 200, 300, 400]) r.tick(t);
    expect(r.rate()).toBe(10);
    r.tick(1350); // drops 0..300
    expect(r.rate()).toBeCloseTo(1000 / 950, 10);
  });
});

describe('StageStats', () => {
  it('ignores missing and non-finite stage samples', () => {
    const s = new StageStats();
    s.push({ inference: 10, render: Number.NaN });
    s.push({ inference: 30 });
    const sum = s.summary();
    expect(sum.inference).toEqual({ median: 10, p95: 30 });
    expect(sum.render.median).toBeNaN();
  });
});
