import { describe, expect, it } from 'vitest';
import { CadenceController, autoCadence, validateCadence } from '../../src/core/pipeline/cadence';
import { predictBox } from '../../src/core/tracking/extrapolate';

describe('detection cadence', () => {
  it('auto k is the detection time over the frame interval, rounded up and clamped', () => {
    expect(autoCadence(150, 1000 / 30)).toBe(5);
    expect(autoCadence(20, 1000 / 30)).toBe(1);
    expect(autoCadence(5000, 10)).toBe(30);
    expect(autoCadence(0, 33)).toBe(1);
  });

  it('a fixed k detects frames 0, k, 2k, …', () => {
    const c = new CadenceController(3);
    const pattern = Array.from({ length: 7 }, () => c.shouldDetect());
    expect(pattern).toEqual([true, false, false, true, false, false, true]);
  });

  it('auto follows the measured detection time', () => {
    const c = new CadenceController('auto');
    c.observe(100, 40);
    expect(c.k).toBe(3);
    c.observe(100, 40); // EMA stays 100
    expect(c.k).toBe(3);
  });

  it('rejects a bad setting with the allowed range', () => {
    expect(() => validateCadence(0)).toThrow("detectEvery is 0; expected 'auto' or an integer in [1, 30]");
    expect(() => new CadenceController(2.5)).toThrow('detectEvery is 2.5');
  });
});

describe('motion-model carry', () => {
  it('moves the box by velocity × steps in (cx, cy, a, h)', () => {
    const box = predictBox({ box: [10, 20, 40, 80], velocity: [4, -2, 0, 8] }, 0.5);
    // centre (30, 60) → (32, 59); h 80 → 84; a = 0.5 → w = 42
    expect(box).toEqual([11, 17, 42, 84]);
  });
});
