import { describe, expect, it } from 'vitest';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { MotionConfigError, MotionMeasurer, buildPyramid, validateMotionConfig } from '../../src/core/motion/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { WALKERS, expectWalkersShifted, occlude, readGray, shiftImage } from './helpers.ts';

const frame = readGray('tests/fixtures/media/vtest-f000.png');

function measure(next: ReturnType<typeof readGray>, boxes: readonly Tlwh[]) {
  const m = new MotionMeasurer();
  expect(m.step(frame, [])).toEqual([]);
  return m.step(
    next,
    boxes.map((box, id) => ({ id, box })),
  );
}

describe('median flow on a real frame', () => {
  it.each([
    [3, -2],
    [1.5, 0.75],
    [-0.3, 2.6],
    [7, 5],
  ])('moves each walker box by the image shift (%f, %f) within 0.5 px', (dx, dy) => {
    const out = measure(shiftImage(frame, dx, dy), WALKERS);
    expectWalkersShifted(out, dx, dy);
  });

  it('leaves boxes in place on an unchanged frame', () => {
    for (const m of measure(frame, WALKERS)) {
      expect(m.reliable).toBe(true);
      expect(m.forwardBackwardError).toBeLessThan(0.05);
      expect(m.box.map((v, i) => Math.abs(v - WALKERS[m.id][i])).every((d) => d < 0.05)).toBe(true);
    }
  });

  it('marks a box covered by an occluder unreliable, and keeps the others', () => {
    const covered = occlude(shiftImage(frame, 2, 1), [240, 208, 56, 112], seededRandom(7));
    const out = measure(covered, WALKERS);
    expect(out[0].reliable).toBe(false);
    expect(out[0].forwardBackwardError).toBeGreaterThan(validateMotionConfig().maxForwardBackwardError);
    expect(out[1].reliable).toBe(true);
    expect(out[2].reliable).toBe(true);
  });

  it('measures nothing on the first frame or after a size change', () => {
    const m = new MotionMeasurer();
    expect(m.step(frame, [{ id: 1, box: WALKERS[0] }])).toEqual([]);
    const half = buildPyramid(frame, 2)[1];
    expect(m.step(half, [{ id: 1, box: WALKERS[0] }])).toEqual([]);
  });
});

describe('validateMotionConfig', () => {
  it('names the bad key and value', () => {
    expect(() => validateMotionConfig({ gridSize: 1 })).toThrow(MotionConfigError);
    expect(() => validateMotionConfig({ noiseScale: -1 })).toThrow(/noiseScale is -1/);
    expect(() => validateMotionConfig({ estimateScale: 'yes' as unknown as boolean })).toThrow(/estimateScale/);
  });
});
