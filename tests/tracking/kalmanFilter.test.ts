import { describe, expect, it } from 'vitest';
import {
  CHI2INV95,
  DEFAULT_KALMAN_PARAMS,
  gatingDistance,
  initiate,
  multiPredict,
  predict,
  project,
  update,
} from '../../src/core/tracking/index.ts';
import type { Gaussian, KalmanParams } from '../../src/core/tracking/index.ts';

// Round weights so every expected value below can be worked out by hand:
// with h = 10, position std = 0.1 * 10 = 1 and velocity std = 0.05 * 10 = 0.5.
const P: KalmanParams = {
  stdWeightPosition: 0.1,
  stdWeightVelocity: 0.05,
  aspectProcessStd: 0.1,
  aspectVelocityProcessStd: 0.1,
  aspectMeasurementStd: 0.1,
  initialPositionFactor: 1,
  initialVelocityFactor: 1,
};

function diag(values: number[]): Float64Array {
  const m = new Float64Array(64);
  values.forEach((v, i) => (m[i * 9] = v));
  return m;
}

const at = (m: Float64Array, i: number, j: number) => m[i * 8 + j];

describe('kalmanFilter', () => {
  it('initiate: measurement as mean, zero velocity, height-scaled variances', () => {
    const g = initiate([5, 6, 0.5, 10], P);
    expect(Array.from(g.mean)).toEqual([5, 6, 0.5, 10, 0, 0, 0, 0]);
    const d = Array.from({ length: 8 }, (_, i) => at(g.covariance, i, i));
    [1, 1, 0.01, 1, 0.25, 0.25, 0.01, 0.25].forEach((v, i) => expect(d[i]).toBeCloseTo(v, 12));
  });

  it('predict: x += v and P = F P Fᵀ + Q', () => {
    const g: Gaussian = {
      mean: Float64Array.from([10, 20, 0.5, 10, 1, 2, 0, 0.5]),
      covariance: diag([1, 1, 0.01, 1, 0.25, 0.25, 0.01, 0.25]),
    };
    const p = predict(g, P);
    expect(Array.from(p.mean)).toEqual([11, 22, 0.5, 10.5, 1, 2, 0, 0.5]);
    // Q uses the prior height 10: position var 1, velocity var 0.25, aspect 0.01 / 0.01.
    expect(at(p.covariance, 0, 0)).toBeCloseTo(1 + 0.25 + 1, 12); // A + D + Q
    expect(at(p.covariance, 0, 4)).toBeCloseTo(0.25, 12); // B + D
    expect(at(p.covariance, 4, 0)).toBeCloseTo(0.25, 12);
    expect(at(p.covariance, 4, 4)).toBeCloseTo(0.25 + 0.25, 12);
    expect(at(p.covariance, 2, 2)).toBeCloseTo(0.01 + 0.01 + 0.01, 12);
    expect(at(p.covariance, 6, 6)).toBeCloseTo(0.01 + 0.01, 12);
    expect(at(p.covariance, 0, 1)).toBe(0);
    // The input is untouched (stateless API).
    expect(g.mean[0]).toBe(10);
    expect(at(g.covariance, 0, 0)).toBe(1);
  });

  it('predict over dt frames: x += dt·v, P = F(dt) P F(dt)ᵀ + dt·Q, so the gate widens with the gap', () => {
    const g: Gaussian = {
      mean: Float64Array.from([10, 20, 0.5, 10, 1, 2, 0, 0.5]),
      covariance: diag([1, 1, 0.01, 1, 0.25, 0.25, 0.01, 0.25]),
    };
    const p = predict(g, P, 4);
    expect(Array.from(p.mean)).toEqual([14, 28, 0.5, 12, 1, 2, 0, 0.5]);
    expect(at(p.covariance, 0, 0)).toBeCloseTo(1 + 16 * 0.25 + 4 * 1, 12); // A + dt²D + dt·Q
    expect(at(p.covariance, 0, 4)).toBeCloseTo(4 * 0.25, 12); // B + dt·D
    expect(at(p.covariance, 4, 4)).toBeCloseTo(0.25 + 4 * 0.25, 12);
    // dt = 1 is the one-frame step; a detection 8 px off passes the gate after 4 frames (64 / 10), not after 1 (64 / 3.25).
    expect(Array.from(predict(g, P, 1).covariance)).toEqual(Array.from(predict(g, P).covariance));
    const off: [number, number, number, number] = [g.mean[0] + 8, g.mean[1], 0.5, 10];
    const still = { mean: Float64Array.from([10, 20, 0.5, 10, 0, 0, 0, 0]), covariance: g.covariance };
    expect(gatingDistance(predict(still, P, 1), [off], P)[0]).toBeGreaterThan(CHI2INV95[4]);
    expect(gatingDistance(predict(still, P, 4), [off], P)[0]).toBeLessThan(CHI2INV95[4]);
    expect(Array.from(multiPredict([g], P, 4)[0].covariance)).toEqual(Array.from(p.covariance));
  });

  it('multiPredict matches predict track by track', () => {
    const a = initiate([1, 2, 0.4, 50], DEFAULT_KALMAN_PARAMS);
    const b = predict(initiate([100, 80, 0.6, 120], DEFAULT_KALMAN_PARAMS), DEFAULT_KALMAN_PARAMS);
    const batch = multiPredict([a, b], DEFAULT_KALMAN_PARAMS);
    for (const [k, g] of [a, b].entries()) {
      const single = predict(g, DEFAULT_KALMAN_PARAMS);
      expect(Array.from(batch[k].mean)).toEqual(Array.from(single.mean));
      expect(Array.from(batch[k].covariance)).toEqual(Array.from(single.covariance));
    }
  });

  // State with a position-velocity correlation on x: P_xx = 3, P_x,vx = 1, P_vx,vx = 1.
  const correlated = (): Gaussian => {
    const covariance = diag([3, 1, 0.01, 1, 1, 1, 0.01, 1]);
    covariance[0 * 8 + 4] = 1;
    covariance[4 * 8 + 0] = 1;
    return { mean: Float64Array.from([0, 0, 1, 10, 1, 0, 0, 0]), covariance };
  };

  it('project adds measurement noise R = diag(1, 1, 0.01, 1) at h = 10', () => {
    const { mean, covariance } = project(correlated(), P);
    expect(Array.from(mean)).toEqual([0, 0, 1, 10]);
    [4, 2, 0.02, 2].forEach((v, i) => expect(covariance[i * 5]).toBeCloseTo(v, 12));
  });

  it('update: hand-computed gain on the correlated x axis', () => {
    // S_xx = 3 + 1 = 4, innovation 4: K_x = 3/4, K_vx = 1/4.
    const u = update(correlated(), [4, 0, 1, 10], P);
    expect(u.mean[0]).toBeCloseTo(3, 12);
    expect(u.mean[4]).toBeCloseTo(2, 12);
    expect(u.mean[1]).toBeCloseTo(0, 12);
    expect(u.mean[3]).toBeCloseTo(10, 12);
    expect(at(u.covariance, 0, 0)).toBeCloseTo(3 - 3 * 0.75, 12); // 0.75
    expect(at(u.covariance, 0, 4)).toBeCloseTo(1 - 3 * 0.25, 12); // 0.25
    expect(at(u.covariance, 4, 4)).toBeCloseTo(1 - 1 * 0.25, 12); // 0.75
    // Uncorrelated y: S_yy = 2, K = 1/2, P'_yy = 0.5.
    expect(at(u.covariance, 1, 1)).toBeCloseTo(0.5, 12);
    // Aspect: S_aa = 0.02, K = 1/2.
    const v = update(correlated(), [0, 0, 1.1, 10], P);
    expect(v.mean[2]).toBeCloseTo(1.05, 12);
  });

  it('gatingDistance: squared Mahalanobis distance, full and position-only', () => {
    const d = gatingDistance(
      correlated(),
      [
        [4, 0, 1, 10],
        [4, 2, 1, 10],
        [4, 2, 1.1, 10],
      ],
      P,
    );
    expect(d[0]).toBeCloseTo(16 / 4, 12);
    expect(d[1]).toBeCloseTo(16 / 4 + 4 / 2, 12);
    expect(d[2]).toBeCloseTo(16 / 4 + 4 / 2 + 0.01 / 0.02, 12);
    const pos = gatingDistance(correlated(), [[4, 2, 1.1, 10]], P, true);
    expect(pos[0]).toBeCloseTo(6, 12);
    // Gate: the chi-square 0.95 quantile for 4 dof.
    expect(CHI2INV95[4]).toBe(9.4877);
    expect(d[2] <= CHI2INV95[4]).toBe(true);
  });
});
