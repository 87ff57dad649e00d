import { describe, expect, it } from 'vitest';
import { MAX_CAMERA_FPS, MIN_CAMERA_FPS, cameraFrameRate } from '../../src/app/pipeline/cameraFrameRate.ts';

describe('cameraFrameRate', () => {
  it('takes a camera’s reported rate, fractional ones included', () => {
    expect(cameraFrameRate(10)).toBe(10);
    expect(cameraFrameRate(29.97)).toBe(29.97);
    expect(cameraFrameRate(MIN_CAMERA_FPS)).toBe(MIN_CAMERA_FPS);
    expect(cameraFrameRate(MAX_CAMERA_FPS)).toBe(MAX_CAMERA_FPS);
  });

  it('ignores a missing or implausible rate, so the rate assumed so far stays', () => {
    for (const bad of [undefined, 0, -30, 0.5, 1000, NaN, Infinity]) expect(cameraFrameRate(bad)).toBeUndefined();
  });
});
