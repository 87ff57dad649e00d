import { describe, expect, it } from 'vitest';
import {
  CHI2INV95,
  DEFAULT_TRACKER_CONFIG,
  TrackerConfigError,
  Tracker,
  configForFrameRate,
  validateTrackerConfig,
} from '../../src/core/tracking/index.ts';
import type { TrackerConfigInput } from '../../src/core/tracking/index.ts';

describe('validateTrackerConfig', () => {
  it('returns a full copy of the defaults and never mutates its input', () => {
    const input = { nInit: 0.5 };
    const c = validateTrackerConfig(input);
    expect(c).toEqual({ ...DEFAULT_TRACKER_CONFIG, nInit: 0.5 });
    expect(input).toEqual({ nInit: 0.5 });
    expect(c.kalman).not.toBe(DEFAULT_TRACKER_CONFIG.kalman);
    expect(DEFAULT_TRACKER_CONFIG.gatingThreshold).toBe(CHI2INV95[4]);
  });

  const cases: Array<[TrackerConfigInput, string]> = [
    // Durations are seconds: fractions are fine, negative or unbounded ones are not.
    [{ nInit: -0.1 }, 'Invalid tracker config: nInit = -0.1; expected a number in [0, 86400].'],
    [{ nInit: 1e6 }, 'Invalid tracker config: nInit = 1000000; expected a number in [0, 86400].'],
    [{ maxAge: -1 }, 'Invalid tracker config: maxAge = -1; expected a number in [0, 86400].'],
    [{ maxAge: Number.POSITIVE_INFINITY }, 'Invalid tracker config: maxAge = null; expected a number in [0, 86400].'],
    [{ gapFill: -2 }, 'Invalid tracker config: gapFill = -2; expected a number in [0, 86400].'],
    [{ outputMaxTimeSinceUpdate: -1 }, 'Invalid tracker config: outputMaxTimeSinceUpdate = -1; expected a number in [0, 86400].'],
    [{ frameRate: 0 }, 'Invalid tracker config: frameRate = 0; expected a number in [0.016666666666666666, 10000].'],
    [{ iouBufferPerSecond: -1 }, 'Invalid tracker config: iouBufferPerSecond = -1; expected a number in [0, 100].'],
    [{ motionTrustSeconds: 0 }, 'Invalid tracker config: motionTrustSeconds = 0; expected a number in [5e-324, 86400].'],
    [{ highScoreThreshold: 1.5 }, 'Invalid tracker config: highScoreThreshold = 1.5; expected a number in [0, 1].'],
    [{ maxIouDistance: Number.NaN }, 'Invalid tracker config: maxIouDistance = null; expected a number in [0, 1].'],
    [{ cascade: 'yes' as unknown as boolean }, 'Invalid tracker config: cascade = "yes"; expected true or false.'],
    [{ outputBox: 'centre' as never }, 'Invalid tracker config: outputBox = "centre"; expected one of filtered, detection.'],
    [
      { lowScoreThreshold: 0.8, highScoreThreshold: 0.6 },
      'Invalid tracker config: lowScoreThreshold = 0.8; expected a number in [0, highScoreThreshold = 0.6].',
    ],
    [{ kalman: { stdWeightPosition: 0 } }, 'Invalid tracker config: kalman.stdWeightPosition = 0; expected a number in [5e-324, 1000].'],
  ];
  for (const [input, message] of cases) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(() => validateTrackerConfig(input)).toThrow(message);
      try {
        validateTrackerConfig(input);
      } catch (err) {
        expect(err).toBeInstanceOf(TrackerConfigError);
        expect((err as TrackerConfigError).name).toBe('TrackerConfigError');
      }
    });
  }

  it('the Tracker constructor validates too', () => {
    expect(() => new Tracker({ galleryBudget: 0 })).toThrow('galleryBudget = 0');
  });
});

describe('configForFrameRate', () => {
  it('sets only the clock: durations stay in seconds', () => {
    const c = configForFrameRate({ maxAge: 1.5 }, 14);
    expect(c.frameRate).toBe(14);
    expect(c.maxAge).toBe(1.5);
    expect(c.nInit).toBe(DEFAULT_TRACKER_CONFIG.nInit);
    expect(() => configForFrameRate({}, 0)).toThrow('frameRate = 0');
  });
});
