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
    const input = { nInit: 2 };
    const c = validateTrackerConfig(input);
    expect(c).toEqual({ ...DEFAULT_TRACKER_CONFIG, nInit: 2 });
    expect(input).toEqual({ nInit: 2 });
    expect(c.kalman).not.toBe(DEFAULT_TRACKER_CONFIG.kalman);
    expect(DEFAULT_TRACKER_CONFIG.gatingThreshold).toBe(CHI2INV95[4]);
  });

  const cases: Array<[TrackerConfigInput, string]> = [
    [{ nInit: 0 }, 'nInit is 0; expected an integer in [1, 1000]'],
    [{ nInit: 2.5 }, 'nInit is 2.5; expected an integer in [1, 1000]'],
    [{ maxAge: -1 }, 'maxAge is -1; expected an integer in [1, 100000]'],
    [{ highScoreThreshold: 1.5 }, 'highScoreThreshold is 1.5; expected a number in [0, 1]'],
    [{ maxIouDistance: Number.NaN }, 'maxIouDistance is NaN; expected a number in [0, 1]'],
    [{ cascade: 'yes' as unknown as boolean }, 'cascade is "yes"; expected true or false'],
    [{ outputBox: 'centre' as never }, 'outputBox is "centre"; expected one of filtered, detection'],
    [{ lowScoreThreshold: 0.8, highScoreThreshold: 0.6 }, 'lowScoreThreshold is 0.8; expected a number in [0, highScoreThreshold = 0.6]'],
    [{ kalman: { stdWeightPosition: 0 } }, 'kalman.stdWeightPosition is 0; expected a number in [5e-324, 1000]'],
    [{ maxage: 30 } as TrackerConfigInput, 'maxage is 30; expected no such setting; known settings: nInit, maxAge,'],
    [
      { kalman: { stdWeight: 1 } } as TrackerConfigInput,
      'kalman.stdWeight is 1; expected no such setting; known settings: stdWeightPosition,',
    ],
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
    expect(() => new Tracker({ galleryBudget: 0 })).toThrow('galleryBudget is 0');
  });
});

describe('configForFrameRate', () => {
  it('turns seconds into frames', () => {
    const c = configForFrameRate({}, 14, { maxAgeSeconds: 1, gapFillSeconds: 0.5 });
    expect(c.maxAge).toBe(14);
    expect(c.gapFillMaxFrames).toBe(7);
    expect(configForFrameRate({}, 30, { maxAgeSeconds: 0 }).maxAge).toBe(1);
    expect(() => configForFrameRate({}, 0, {})).toThrow('frameRate is 0');
  });
});
