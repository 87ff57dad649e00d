import { describe, expect, it } from 'vitest';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { DEFAULT_KALMAN_PARAMS, Tracker, initiate, predict, predictBox, update } from '../../src/core/tracking/index.ts';

import { DEFAULT_MOTION_CONFIG } from '../../src/core/motion/index.ts';
import { makeDetection } from './helpers.ts';

const P = DEFAULT_KALMAN_PARAMS;
const shift = (b: Tlwh, dx: number): Tlwh => [b[0] + dx, b[1], b[2], b[3]];

describe('Kalman steps between detections', () => {
  const g = predict(initiate([100, 50, 0.5, 80], P), P);
  const moving = update(g, [104, 47, 0.5, 80], P);

  it('predict(1) is the default step, and two half steps reach the same mean', () => {
    const one = predict(moving, P, 1);
    const ref = predict(moving, P);
    expect(Array.from(one.mean)).toEqual(Array.from(ref.mean));
    expect(Array.from(one.covariance)).toEqual(Array.from(ref.covariance));
    const halves = predict(predict(moving, P, 0.5), P, 0.5);
    halves.mean.forEach((v, i) => expect(v).toBeCloseTo(ref.mean[i], 9));
  });

  it('a larger measurement noise scale corrects less', () => {
    const z = [110, 50, 0.5, 80] as const;
    expect(Array.from(update(g, z, P, 1).mean)).toEqual(Array.from(update(g, z, P).mean));
    const near = update(g, z, P, 1).mean[0];
    const far = update(g, z, P, 4).mean[0];
    expect(near).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(100);
  });
});

describe('Tracker.applyMotion', () => {
  const box: Tlwh = [100, 100, 20, 50];

  function trackerWithOneTrack() {
    const t = new Tracker({ nInit: 0 });
    const [out] = t.update([makeDetection(box)]);
    return { t, out };
  }

  it('keeps the Kalman prediction when the measurement is unreliable', () => {
    const { t, out } = trackerWithOneTrack();
    const [after] = t.applyMotion([{ id: out.id, box: shift(box, 10), reliable: false }], 1.5, 2);
    predictBox(out, 0.5).forEach((v, i) => expect(after.box[i]).toBeCloseTo(v, 9));
    expect(after.velocity).toEqual(out.velocity);
  });

  it('pulls the carried box towards a reliable measurement, and ignores unknown ids', () => {
    const { t, out } = trackerWithOneTrack();
    const res = t.applyMotion(
      [
        { id: out.id, box: shift(box, 10), reliable: true },
        { id: 99, box, reliable: true },
      ],
      1.5,
      1,
    );
    expect(res).toHaveLength(1);
    const x = res[0].box[0];
    expect(x).toBeGreaterThan(105);
    expect(x).toBeLessThan(110);
  });

  it('keeps the id of a walker that moves a box width per detection, given its motion between', () => {
    const step = 20; // px per detection step, box width 20: no overlap with a still prediction
    const run = (withMotion: boolean) => {
      const t = new Tracker({ nInit: 0 });
      const ids: number[] = [];
      for (let d = 0; d < 6; d++) {
        const out = t.update([makeDetection(shift(box, d * step))], d + 1);
        ids.push(...out.map((o) => o.id));
        for (let j = 1; j < 4 && withMotion; j++) {
          t.applyMotion(
            out.map((o) => ({ id: o.id, box: shift(box, (d + j / 4) * step), reliable: true })),
            d + 1 + j / 4,
            DEFAULT_MOTION_CONFIG.noiseScale,
          );
        }
      }
      return new Set(ids);
    };
    expect(run(true).size).toBe(1);
    expect(run(false).size).toBeGreaterThan(1);
  });
});
