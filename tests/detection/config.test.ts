import { describe, expect, it } from 'vitest';
import { COCO80_LABELS } from '../../src/core/detection/cocoLabels';
import { DEFAULT_DETECTOR_CONFIG, DetectorConfigError, validateDetectorConfig, type DetectorConfig } from '../../src/core/detection/config';

describe('validateDetectorConfig', () => {
  it('fills defaults and returns a copy', () => {
    const input: Partial<DetectorConfig> = { scoreThreshold: 0.4, classes: ['person'] };
    const out = validateDetectorConfig(input, COCO80_LABELS);
    expect(out).toEqual({ ...DEFAULT_DETECTOR_CONFIG, scoreThreshold: 0.4, classes: ['person'] });
    expect(out).not.toBe(input);
    expect(out.classes).not.toBe(input.classes);
    expect(validateDetectorConfig()).toEqual(DEFAULT_DETECTOR_CONFIG);
    expect('classes' in validateDetectorConfig({ classes: undefined })).toBe(false);
  });

  it.each([
    [{ scoreThreshold: -0.1 }, 'scoreThreshold is -0.1; expected a number in [0, 1]'],
    [{ scoreThreshold: Number.NaN }, 'scoreThreshold is NaN; expected a number in [0, 1]'],
    [{ iouThreshold: 1.5 }, 'iouThreshold is 1.5; expected a number in [0, 1]'],
    [{ maxDetections: 0 }, 'maxDetections is 0; expected an integer in [1, 100]'],
    [{ maxDetections: 2.5 }, 'maxDetections is 2.5; expected an integer in [1, 100]'],
    [{ maxDetections: 101 }, 'maxDetections is 101; expected an integer in [1, 100]'],
    [{ classes: [] }, 'classes is []; expected a non-empty array of labels or undefined'],
  ])('rejects %j', (config, message) => {
    expect(() => validateDetectorConfig(config as Partial<DetectorConfig>, COCO80_LABELS)).toThrow(message);
  });

  it('rejects unknown labels, listing the allowed ones', () => {
    expect(() => validateDetectorConfig({ classes: ['person', 'pedestrian'] }, COCO80_LABELS)).toThrow(
      `classes is ["person","pedestrian"]; expected labels from: ${COCO80_LABELS.join(', ')} (unknown: pedestrian)`,
    );
  });

  it('rejects unknown keys with a DetectorConfigError naming them', () => {
    const bad = { scoreThreshhold: 0.5 } as Partial<DetectorConfig>;
    expect(() => validateDetectorConfig(bad)).toThrow(DetectorConfigError);
    expect(() => validateDetectorConfig(bad)).toThrow('scoreThreshhold is 0.5; expected no such setting; known settings: scoreThreshold,');
  });

  it('is typed: thresholds are numbers', () => {
    // @ts-expect-error scoreThreshold must be a number
    expect(() => validateDetectorConfig({ scoreThreshold: '0.5' })).toThrow('scoreThreshold is "0.5"; expected a number in [0, 1]');
  });
});
