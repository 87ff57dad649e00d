import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { validateDetectorConfig } from '../../src/core/detection/config.ts';
import type { Detection, Detector } from '../../src/core/detection/types.ts';
import { ZERO_TIMINGS } from '../../src/core/detection/types.ts';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { GrayImage } from '../../src/core/motion/index.ts';
import { PixelMotion, StreamRunner, carryTracks } from '../../src/core/pipeline/index.ts';
import type { TrackOutput } from '../../src/core/tracking/types.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { occlude, readGray, shiftImage } from '../motion/helpers.ts';

/** A walker in vtest frame 0, boxed by hand (tlwh, source pixels). */
const WALKER: Tlwh = [250, 218, 36, 92];
const frame = readGray('tests/fixtures/media/vtest-f000.png');

/** Reports the walker on every detection frame; the pixels are not read. */
const fixedDetector: Detector = {
  name: 'centernet',
  detect: async (): Promise<Detection[]> => [{ box: WALKER, score: 0.95, classId: 0, label: 'person' }],
  lastTimings: ZERO_TIMINGS,
  config: validateDetectorConfig({}),
  setConfig: () => {},
  dispose: () => {},
};

/** An RGB tensor whose three channels are the gray image (luma weights sum to 1, so its gray is exact). */
const rgbOf = (g: GrayImage) => tf.tidy(() => tf.stack(Array(3).fill(tf.tensor2d(g.data, [g.height, g.width])), 2) as tf.Tensor3D);

async function step(runner: StreamRunner, g: GrayImage, index: number) {
  const t = rgbOf(g);
  try {
    return await runner.step(t, index);
  } finally {
    t.dispose();
  }
}

/** Detection every 4th frame; frames 0-4 still (two detections, so the step length is known). */
async function runnerAfterTwoDetections() {
  const runner = new StreamRunner(fixedDetector, { frameRate: 10, cadence: 4, preset: { nInit: 0 }, motion: new PixelMotion() });
  for (let i = 0; i <= 4; i++) await step(runner, frame, i);
  return runner;
}

describe('StreamRunner with PixelMotion', () => {
  it.each([
    [2, 1],
    [0.5, -1.25],
  ])('moves the carried box by a real image shift of (%f, %f) within 0.5 px', async (dx, dy) => {
    const runner = await runnerAfterTwoDetections();
    const r = await step(runner, shiftImage(frame, dx, dy), 5);
    expect(r.detected).toBe(false);
    const box = r.tracks[0].box;
    expect(Math.abs(box[0] - (WALKER[0] + dx))).toBeLessThan(0.5);
    expect(Math.abs(box[1] - (WALKER[1] + dy))).toBeLessThan(0.5);
    expect(Math.abs(box[2] - WALKER[2])).toBeLessThan(0.5);
    expect(Math.abs(box[3] - WALKER[3])).toBeLessThan(0.5);
    runner.dispose();
  });

  it('falls back to the Kalman prediction when an occluder fails the forward–backward check', async () => {
    const runner = await runnerAfterTwoDetections();
    for (let i = 5; i < 8; i++) await step(runner, shiftImage(frame, i - 4, 0), i); // a walk, then a detection at 8
    const detected = await step(runner, shiftImage(frame, 4, 0), 8);
    // Shifted further, so a (wrongly) trusted measurement would move the box away from the prediction.
    const covered = occlude(shiftImage(frame, 7, 2), [240, 208, 56, 112], seededRandom(3));
    const r = await step(runner, covered, 9);
    const predicted = carryTracks(detected.tracks, 1 / 4)[0].box;
    predicted.forEach((v, i) => expect(r.tracks[0].box[i]).toBeCloseTo(v, 6));
    runner.dispose();
  });

  it('keeps tensor counts flat over carried and detected frames', async () => {
    const runner = await runnerAfterTwoDetections();
    const before = tf.memory().numTensors;
    for (let i = 5; i < 45; i++) await step(runner, shiftImage(frame, (i % 4) / 2, 0), i);
    expect(tf.memory().numTensors).toBe(before);
    runner.dispose();
  });
});

describe('PixelMotion with a detector slower than the camera', () => {
  const track = (box: Tlwh): TrackOutput => ({
    id: 1,
    box,
    state: 'confirmed',
    hits: 2,
    age: 2,
    timeSinceUpdate: 0,
    history: [],
    score: 0.9,
    velocity: [0, 0, 0, 0],
  });
  const context = (sourceIndex: number) => ({ steps: 1, fromLatestUpdate: false, sourceIndex });
  /** vtest frame 0 moved 1 px right per frame. */
  const at = (t: number) => rgbOf(shiftImage(frame, t, 0));

  it('uses a detection only once its result is shown, then chains from its frame through the frames since', async () => {
    const motion = new PixelMotion();
    const x = async (t: number, shownFrom: number) => {
      const image = at(t);
      try {
        return (await motion.measure(image, t, [track(WALKER)], context(shownFrom)))[0].box[0];
      } finally {
        image.dispose();
      }
    };
    const observe = async (t: number, box: Tlwh) => {
      const image = at(t);
      await motion.observe(image, t, [track(box)]);
      image.dispose();
    };
    await observe(0, WALKER);
    expect(Math.abs((await x(1, 0)) - (WALKER[0] + 1))).toBeLessThan(0.5);
    // Frame 2's detection (a box 10 px to the right, to tell it apart) is still running on frame 3...
    await observe(2, [WALKER[0] + 10, WALKER[1], WALKER[2], WALKER[3]]);
    expect(Math.abs((await x(3, 0)) - (WALKER[0] + 3))).toBeLessThan(0.5);
    // ...and shown on frame 4: its box, moved by frames 2 → 3 → 4.
    expect(Math.abs((await x(4, 2)) - (WALKER[0] + 12))).toBeLessThan(0.5);
  });
});
