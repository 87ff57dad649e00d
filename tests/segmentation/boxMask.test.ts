import { describe, expect, it } from 'vitest';
import { cropMaskToBox, meanOf } from '../../src/core/segmentation/boxMask.ts';
import { SegmenterConfigError, validateSegmenterConfig } from '../../src/core/segmentation/config.ts';
import type { PersonMask } from '../../src/core/segmentation/types.ts';

/** 4x4 mask over a 40x40 frame: the left half is person (1), the right half background (0). */
function halfMask(): PersonMask {
  const data = new Float32Array(16);
  for (let y = 0; y < 4; y++) for (let x = 0; x < 2; x++) data[y * 4 + x] = 1;
  return { width: 4, height: 4, data, scaleX: 0.1, scaleY: 0.1, sourceWidth: 40, sourceHeight: 40 };
}

describe('cropMaskToBox', () => {
  it('returns the box-sized mask in source pixels', () => {
    const m = cropMaskToBox(halfMask(), [0, 0, 10, 20]);
    expect([m.left, m.top, m.width, m.height]).toEqual([0, 0, 10, 20]);
    expect(meanOf(m)).toBeCloseTo(1, 5);
    expect(meanOf(cropMaskToBox(halfMask(), [30, 0, 10, 40]))).toBeCloseTo(0, 5);
  });

  it('clips to the frame and gives an empty mask outside it', () => {
    const m = cropMaskToBox(halfMask(), [-5, 35, 10, 10]);
    expect([m.left, m.top, m.width, m.height]).toEqual([0, 35, 5, 5]);
    expect(cropMaskToBox(halfMask(), [50, 50, 10, 10]).data.length).toBe(0);
  });

  it('binarises with a threshold', () => {
    const m = cropMaskToBox(halfMask(), [0, 0, 40, 4], 0.5);
    expect(new Set(m.data)).toEqual(new Set([0, 1]));
    expect(meanOf(m)).toBeCloseTo(0.5, 5);
  });
});

describe('validateSegmenterConfig', () => {
  it('fills defaults and copies', () => {
    const input = { cadence: 3 };
    const c = validateSegmenterConfig(input);
    expect(c).toEqual({ model: 'meet', threshold: 0.5, cadence: 3 });
    expect(c).not.toBe(input);
  });

  it.each([
    [{ model: 'mask-rcnn' }, 'model is "mask-rcnn"; expected one of selfie, meet'],
    [{ threshold: 1.5 }, 'threshold is 1.5; expected a number in [0, 1]'],
    [{ cadence: 0 }, 'cadence is 0; expected an integer in [1, 1000]'],
    [{ modle: 'meet' }, 'modle is "meet"; expected no such setting; known settings: model, threshold, cadence'],
  ])('rejects %j', (input, message) => {
    expect(() => validateSegmenterConfig(input as never)).toThrow(SegmenterConfigError);
    expect(() => validateSegmenterConfig(input as never)).toThrow(message);
  });
});
