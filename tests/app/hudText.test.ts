import { describe, expect, it } from 'vitest';
import { InputSizeController } from '../../src/core/pipeline/inputSizeController';
import { inputSizeText } from '../../src/app/components/hudText';
import { WALKERS } from '../motion/helpers';

/** A 30 fps camera showing vtest (768x576) with its walkers tracked (80–92 px tall). */
const CAMERA_FRAME_MS = 1000 / 30;
const FRAME = { width: 768, height: 576 };

/** What the HUD's input-size cell reads after one detection at `size` that took `detectMs`, as the live worker reports it. */
function afterDetection(setting: 'auto' | 512 | 320, size: 512 | 320, detectMs: number): string {
  const choice = new InputSizeController(setting).observe(size, detectMs, WALKERS, FRAME, CAMERA_FRAME_MS);
  return inputSizeText({ inputSize: choice.inputSize, plannedCadence: choice.cadence }, setting);
}

describe("HUD input size and 'plans k'", () => {
  it('plans ceil(detection time / camera frame interval) camera frames per detection at the size it keeps', () => {
    // The walkers are small: 80 px of 768 keeps 48 model pixels only at 512², so 512² stays, 190 ms → 6 frames at 30 fps (5.7 rounded up).
    expect(afterDetection('auto', 512, 190)).toBe('512² (auto, plans k 6)');
    expect(afterDetection('auto', 512, 90)).toBe('512² (auto, plans k 3)');
    // A fixed 320²: 190 ms at 512² scales by area to 74 ms → 3 frames.
    expect(afterDetection(320, 512, 190)).toBe('320² (fixed, plans k 3)');
    expect(afterDetection(320, 320, 30)).toBe('320² (fixed, plans k 1)');
  });

  it('shows no plan before the first result or without the size ladder', () => {
    expect(inputSizeText(null, 'auto')).toBe('– (auto)');
    expect(inputSizeText({ inputSize: null, plannedCadence: null }, 512)).toBe('– (fixed)');
  });
});
