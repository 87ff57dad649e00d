import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Detection, Detector } from '../../src/core/detection/types.ts';
import { ZERO_TIMINGS } from '../../src/core/detection/types.ts';
import { validateDetectorConfig } from '../../src/core/detection/config.ts';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { GrayImage } from '../../src/core/motion/index.ts';
import { MotionStage, TrackingPipeline } from '../../src/core/pipeline/index.ts';
import { predictBox } from '../../src/core/tracking/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { occlude, readGray, shiftImage } from '../motion/helpers.ts';

/** A walker in vtest frame 0, boxed by hand (tlwh, source pixels). */
const WALKER: Tlwh = [250, 218, 36, 92];
const frame = readGray('tests/fixtures/media/vtest-f000.png');
/** The fixed detector never reads its input. */
const dummy = tf.zeros([2, 2, 3]) as tf.Tensor3D;
afterAll(() => dummy.dispose());

/** Reports the walker on every detection frame; the frame content is not read. */
const fixedDetector: Detector = {
  name: 'fixed',
  detect: async (): Promise<Detection[]> => [{ box: WALKER, score: 0.9, classId: 0, label: 'person' }],
  lastTimings: ZERO_TIMINGS,
  config: validateDetectorConfig({}),
  setConfig: () => {},
  dispose: () => {},
};

/** Two detections 4 frames apart (so the step length is known), then carried frames. */
async function pipelineAfterTwoDetections(): Promise<TrackingPipeline> {
  const pipeline = new TrackingPipeline(fixedDetector, { nInit: 1 }, undefined, new MotionStage());
  await pipeline.detectAndTrack(dummy, 0, frame);
  for (let i = 1; i < 4; i++) pipeline.carry(i, frame);
  await pipeline.detectAndTrack(dummy, 4, frame);
  return pipeline;
}

const carriedBox = (pipeline: TrackingPipeline, index: number, gray?: GrayImage) => {
  const r = pipeline.carry(index, gray);
  expect(r.detected).toBe(false);
  expect(r.tracks).toHaveLength(1);
  return r.tracks[0].box;
};

describe('TrackingPipeline.carry with pixel motion', () => {
  it.each([
    [2, 1],
    [0.5, -1.25],
  ])('moves the carried box by a real image shift of (%f, %f) within 0.5 px', async (dx, dy) => {
    const pipeline = await pipelineAfterTwoDetections();
    const box = carriedBox(pipeline, 5, shiftImage(frame, dx, dy));
    expect(Math.abs(box[0] - (WALKER[0] + dx))).toBeLessThan(0.5);
    expect(Math.abs(box[1] - (WALKER[1] + dy))).toBeLessThan(0.5);
    expect(Math.abs(box[2] - WALKER[2])).toBeLessThan(0.5);
    expect(Math.abs(box[3] - WALKER[3])).toBeLessThan(0.5);
  });

  it('falls back to the Kalman prediction when an occluder fails the forward–backward check', async () => {
    const pipeline = await pipelineAfterTwoDetections();
    const last = (await pipeline.detectAndTrack(dummy, 8, frame)).tracks[0];
    // Shifted, so a (wrongly) trusted measurement would move the box away from the prediction.
    const covered = occlude(shiftImage(frame, 3, 2), [240, 208, 56, 112], seededRandom(3));
    const box = carriedBox(pipeline, 9, covered);
    predictBox(last, 1 / 4).forEach((v, i) => expect(box[i]).toBeCloseTo(v, 6));
  });

  it('carries by the Kalman model alone without a grayscale frame', async () => {
    const pipeline = await pipelineAfterTwoDetections();
    const last = (await pipeline.detectAndTrack(dummy, 8, frame)).tracks[0];
    const box = carriedBox(pipeline, 9);
    predictBox(last, 1 / 4).forEach((v, i) => expect(box[i]).toBeCloseTo(v, 6));
  });
});
