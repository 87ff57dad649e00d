import { describe, expect, it } from 'vitest';
import { CENTERNET_INPUT_SIZES } from '../../src/core/detection/centernetSizes';
import type { Tlwh } from '../../src/core/geometry/boxes';
import { chooseInputSize, estimateDetectMs, MIN_PERSON_MODEL_PX, type InputSizeRequest } from '../../src/core/pipeline/inputSize';
import { InputSizeController } from '../../src/core/pipeline/inputSizeController';

/** 10 fps, a 768-px-wide source, 512² measured at 300 ms (the other sizes estimated by area). */
const base: InputSizeRequest = { detectMs: { 512: 300 }, frameIntervalMs: 100, smallPersonPx: 200, sourceLongSidePx: 768 };
const choose = (over: Partial<InputSizeRequest>) => chooseInputSize({ ...base, ...over });

describe('estimateDetectMs', () => {
  it('uses the measurement, else scales the nearest measured size by input area', () => {
    expect(estimateDetectMs({ 512: 400, 256: 90 }, 256)).toBe(90);
    expect(estimateDetectMs({ 512: 400 }, 256)).toBe(100);
    expect(estimateDetectMs({ 512: 400, 320: 200 }, 256)).toBeCloseTo(200 * (256 / 320) ** 2, 9);
    expect(estimateDetectMs({}, 384)).toBeNull();
  });
});

describe('chooseInputSize', () => {
  it('with large people lowers the resolution before it skips frames', () => {
    // 512: 300 ms → k 3; 256: 75 ms → k 1; a 200-px person is 67 px tall at 256.
    expect(choose({})).toEqual({ inputSize: 256, cadence: 1 });
    // Only the resolution needed to stop skipping: 384 measured at 95 ms already gives k 1.
    expect(choose({ detectMs: { 512: 300, 384: 95, 320: 70, 256: 50 } })).toEqual({ inputSize: 384, cadence: 1 });
  });

  it('keeps the full size when it already runs every frame', () => {
    expect(choose({ detectMs: { 512: 80 } })).toEqual({ inputSize: 512, cadence: 1 });
  });

  it('with small people keeps resolution and skips frames instead', () => {
    // 70 px in a 768 frame: 47 px at 512 (< 48, nothing qualifies → the largest), 35 at 384.
    expect(choose({ smallPersonPx: 70 })).toEqual({ inputSize: 512, cadence: 3 });
    // 100 px: 67 at 512, 50 at 384, 42 at 320 → 384 is the smallest that keeps them.
    expect(choose({ smallPersonPx: 100 })).toEqual({ inputSize: 384, cadence: 2 });
    expect((100 * 320) / 768).toBeLessThan(MIN_PERSON_MODEL_PX);
  });

  it('keeps the full size while nobody is tracked yet', () => {
    expect(choose({ smallPersonPx: null })).toEqual({ inputSize: 512, cadence: 3 });
  });

  it('never picks a smaller input for smaller people', () => {
    let previous = 0;
    for (let px = 400; px >= 10; px -= 5) {
      const { inputSize } = choose({ smallPersonPx: px });
      expect(inputSize, `person ${px} px`).toBeGreaterThanOrEqual(previous);
      previous = inputSize;
    }
    expect(previous).toBe(512);
  });

  it('honours a fixed input size, with the cadence it needs', () => {
    expect(choose({ inputSize: 320 })).toEqual({ inputSize: 320, cadence: 2 });
    expect(choose({ inputSize: 512, smallPersonPx: 500 })).toEqual({ inputSize: 512, cadence: 3 });
  });

  it('honours a fixed cadence as a minimum, at the largest size that keeps up with it', () => {
    expect(choose({ cadence: 4 })).toEqual({ inputSize: 512, cadence: 4 });
    expect(choose({ cadence: 2 })).toEqual({ inputSize: 384, cadence: 2 });
    expect(choose({ cadence: 1, inputSize: 512 })).toEqual({ inputSize: 512, cadence: 3 });
  });

  it('answers for every ladder size', () => {
    for (const size of CENTERNET_INPUT_SIZES) expect(choose({ inputSize: size }).inputSize).toBe(size);
  });
});

describe('InputSizeController', () => {
  const frame = { width: 768, height: 576 };
  const people = (h: number, n = 5): Tlwh[] => Array.from({ length: n }, (_, i) => [i * 100, 100, h / 2.5, h]);

  it('measures each size it runs and follows the people it is given', () => {
    const controller = new InputSizeController();
    // Nobody yet: stay at 512, which takes 300 ms at 10 fps → k 3.
    expect(controller.observe(512, 300, [], frame, 100)).toEqual({ inputSize: 512, cadence: 3 });
    // Tall people: drop to the size that detects every frame (256 estimated at 75 ms).
    expect(controller.observe(512, 300, people(200), frame, 100)).toEqual({ inputSize: 256, cadence: 1 });
    // 256 measured slower than its estimate (130 ms → k 2): 384 (169 ms, scaled from 512) also gives k 2, with more pixels.
    expect(controller.observe(256, 130, people(200), frame, 100)).toEqual({ inputSize: 384, cadence: 2 });
    // Small people (one tall outlier does not count): back to full resolution.
    expect(controller.observe(256, 130, [...people(60), [0, 0, 80, 400]], frame, 100).inputSize).toBe(512);
  });

  it('obeys the overrides', () => {
    expect(new InputSizeController(320).observe(512, 300, people(200), frame, 100)).toEqual({ inputSize: 320, cadence: 2 });
    expect(new InputSizeController('auto', 4).observe(512, 300, people(200), frame, 100)).toEqual({ inputSize: 512, cadence: 4 });
  });
});
