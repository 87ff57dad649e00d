import { describe, expect, it } from 'vitest';
import { autoCadence, expectedCadence, validateCadence } from '../../src/core/pipeline/cadence';
import { DetectionScheduler } from '../../src/core/pipeline/detectionScheduler';
import { predictBox } from '../../src/core/tracking/extrapolate';

/** Drives a scheduler on a clock of `intervalMs` per frame with a detector of fixed latency; returns the started frames. */
function simulate(s: DetectionScheduler<number>, frames: number, intervalMs: number, latencyMs: number): number[] {
  const started: number[] = [];
  let pending: { index: number; readyAt: number } | null = null;
  for (let i = 0; i < frames; i++) {
    const now = i * intervalMs;
    if (pending && pending.readyAt <= now) {
      s.finish(pending.index, pending.readyAt);
      pending = null;
    }
    if (s.frame(i, now)) {
      started.push(i);
      pending = { index: i, readyAt: now + latencyMs };
    }
  }
  return started;
}

describe('detection cadence', () => {
  it('auto k is the detection time over the frame interval, rounded up and clamped', () => {
    expect(autoCadence(150, 1000 / 30)).toBe(5);
    expect(autoCadence(20, 1000 / 30)).toBe(1);
    expect(autoCadence(5000, 10)).toBe(30);
    expect(autoCadence(0, 33)).toBe(1);
  });

  it('the tracker assumes the larger of the setting and what the latency allows', () => {
    expect(expectedCadence(3, 0, 30)).toBe(3);
    expect(expectedCadence('auto', 290, 10)).toBe(3);
    expect(expectedCadence(4, 150, 10)).toBe(4);
  });

  it('rejects a bad setting with the allowed range', () => {
    expect(() => validateCadence(0)).toThrow("detectEvery is 0; expected 'auto' or an integer in [1, 30]");
    expect(() => new DetectionScheduler(2.5)).toThrow('detectEvery is 2.5');
  });
});

describe('DetectionScheduler', () => {
  it('a fixed k with an instant detector detects frames 0, k, 2k, …', () => {
    expect(simulate(new DetectionScheduler(3), 7, 100, 0)).toEqual([0, 3, 6]);
  });

  it('auto starts on the newest frame whenever the detector is free: k = ceil(latency / interval)', () => {
    const s = new DetectionScheduler<number>('auto');
    expect(simulate(s, 13, 100, 290)).toEqual([0, 3, 6, 9, 12]);
    expect(s.cadence).toBeCloseTo(3, 9);
    expect(s.latencyMs).toBeCloseTo(290, 9);
  });

  it('a minimum k holds back a fast detector; a slow one sets its own pace', () => {
    expect(simulate(new DetectionScheduler(2), 9, 100, 50)).toEqual([0, 2, 4, 6, 8]);
    expect(simulate(new DetectionScheduler(2), 9, 100, 250)).toEqual([0, 3, 6]);
  });

  it('shows a result only once it finished, carried forward from its own frame', () => {
    const s = new DetectionScheduler<string>('auto');
    expect(s.frame(0, 0)).toBe(true);
    expect(s.view(0)).toBeNull(); // still running: nothing to draw yet
    expect(s.frame(1, 100)).toBe(false);
    s.finish('r0', 250);
    expect(s.frame(3, 300)).toBe(true); // free again: starts on the newest frame
    expect(s.view(3)).toEqual({ result: 'r0', sourceIndex: 0, steps: 3, gap: 1 });
    s.finish('r3', 550);
    // r3's tracker update came 3 frames after r0's, so one step is 3 frames.
    expect(s.view(6)).toEqual({ result: 'r3', sourceIndex: 3, steps: 1, gap: 3 });
  });

  it('a failed detection frees the detector and keeps the last result', () => {
    const s = new DetectionScheduler<string>(1);
    s.frame(0, 0);
    s.finish('r0', 10);
    s.frame(1, 100);
    s.abandon();
    expect(s.busy).toBe(false);
    expect(s.view(2)?.result).toBe('r0');
    expect(() => s.finish('x', 0)).toThrow('no detection is running');
  });
});

describe('motion-model carry', () => {
  it('moves the box by velocity × steps in (cx, cy, a, h)', () => {
    const box = predictBox({ box: [10, 20, 40, 80], velocity: [4, -2, 0, 8] }, 0.5);
    // centre (30, 60) → (32, 59); h 80 → 84; a = 0.5 → w = 42
    expect(box).toEqual([11, 17, 42, 84]);
  });
});
