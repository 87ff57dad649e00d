import { describe, expect, it } from 'vitest';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import {
  DEFAULT_MOTION_CONFIG,
  MotionMeasurer,
  levelsAtScale,
  planeToGray,
  validateMotionConfig,
  type GrayImage,
} from '../../src/core/motion/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { WALKERS, expectWalkersShifted, occlude, readGray, shiftImage } from './helpers.ts';

/**
 * The live view's motion step: a 640x480-class camera frame's 8-bit luma
 * plane, box-averaged to half resolution (`planeToGray`, factor 2), measured
 * with the pyramid levels `levelsAtScale` gives for scale 0.5.
 */
const frame = readGray('tests/fixtures/media/vtest-f000.png');
const FACTOR = 2;

/** A gray image as a camera's luma plane (8-bit, rounded), as `VideoFrame.copyTo` hands it over. */
const lumaPlane = (img: GrayImage) => Uint8Array.from(img.data, (v) => Math.round(v));
const halfGray = (img: GrayImage) =>
  planeToGray(lumaPlane(img), { width: img.width, height: img.height, stride: img.width, offset: 0, channels: 'luma' }, FACTOR);
const scaleBox = (b: Tlwh, s: number): Tlwh => [b[0] * s, b[1] * s, b[2] * s, b[3] * s];

function measureHalf(next: GrayImage) {
  const m = new MotionMeasurer({ levels: levelsAtScale(DEFAULT_MOTION_CONFIG.levels, 1 / FACTOR) });
  expect(m.config.levels).toBe(2);
  m.step(halfGray(frame), []);
  const out = m.step(
    halfGray(next),
    WALKERS.map((b, id) => ({ id, box: scaleBox(b, 1 / FACTOR) })),
  );
  return out.map((o) => ({ ...o, box: scaleBox(o.box, FACTOR) }));
}

describe('levelsAtScale', () => {
  it('drops one level per halving of the gray, never below 1', () => {
    expect([1, 0.6, 0.5, 1 / 3, 0.25, 0.1].map((s) => levelsAtScale(3, s))).toEqual([3, 3, 2, 2, 1, 1]);
    expect(levelsAtScale(4, 0.5)).toBe(3);
    expect(() => levelsAtScale(3, 0)).toThrow(/scale is 0/);
    expect(() => levelsAtScale(3, 1.5)).toThrow(/scale is 1.5/);
  });
});

describe('median flow on a half-resolution luma plane (the live view at 640x480)', () => {
  it.each([
    [3, -2],
    [1.5, 0.75],
    [-0.3, 2.6],
    [7, 5],
    // Beyond one level's reach (a single level fails here): the two levels keep the full-frame search range.
    [12, -9],
  ])('moves each walker box by the image shift (%f, %f) within 0.5 source px', (dx, dy) => {
    const out = measureHalf(shiftImage(frame, dx, dy));
    expectWalkersShifted(out, dx, dy);
  });

  it('marks a box covered by an occluder unreliable, and keeps the others', () => {
    const out = measureHalf(occlude(shiftImage(frame, 2, 1), [240, 208, 56, 112], seededRandom(7)));
    expect(out[0].reliable).toBe(false);
    expect(out[0].forwardBackwardError).toBeGreaterThan(validateMotionConfig().maxForwardBackwardError);
    expect(out[1].reliable).toBe(true);
    expect(out[2].reliable).toBe(true);
  });
});
