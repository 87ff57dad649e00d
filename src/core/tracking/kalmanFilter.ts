/**
 * Stateless constant-velocity Kalman filter over the 8-d state
 * (cx, cy, a, h, vcx, vcy, va, vh), observing (cx, cy, a, h) in source
 * pixels (a = w / h). Every function takes a (mean, covariance) pair and
 * returns a new one; tracks own their state. Noise stds scale with the box
 * height as in deep_sort, with the weights taken from `KalmanParams`.
 *
 * Layout: mean is a Float64Array(8), covariance a row-major Float64Array(64).
 */
import type { Xyah } from '../geometry/boxes.ts';
import type { KalmanParams } from './config.ts';
import { cholesky4, choleskySolve4, mahalanobisSquared4 } from './linalg.ts';

export const STATE_DIM = 8;
export const MEASUREMENT_DIM = 4;

export interface Gaussian {
  readonly mean: Float64Array;
  readonly covariance: Float64Array;
}

/** Projected (measurement-space) distribution with its Cholesky factor. */
export interface Projection {
  readonly mean: Float64Array; // 4
  readonly covariance: Float64Array; // 4x4
  readonly cholesky: Float64Array; // lower 4x4, covariance = L Lᵀ
}

/** Creates a track's state from an unassociated measurement (zero velocity). */
export function initiate(z: Xyah, p: KalmanParams): Gaussian {
  const mean = new Float64Array(STATE_DIM);
  mean.set(z);
  const h = z[3];
  const pos = p.initialPositionFactor * p.stdWeightPosition * h;
  const vel = p.initialVelocityFactor * p.stdWeightVelocity * h;
  const std = [pos, pos, p.aspectProcessStd, pos, vel, vel, p.aspectVelocityProcessStd, vel];
  const covariance = new Float64Array(STATE_DIM * STATE_DIM);
  for (let i = 0; i < STATE_DIM; i++) covariance[i * 9] = std[i] * std[i];
  return { mean, covariance };
}

/**
 * Writes one prediction step of `dt` frames into (outMean, outCov):
 * x' = F x, P' = F P Fᵀ + dt·Q with F = [[I, dt·I], [0, I]]. The process
 * noise is a per-frame variance, so it grows linearly with the time since
 * the last step (a random walk): a track that went unobserved for longer has
 * a wider Mahalanobis gate. The block form of F P Fᵀ is expanded by hand:
 * with P = [[A, B], [Bᵀ, D]] it is
 * [[A + dt(B + Bᵀ) + dt²D, B + dt·D], [Bᵀ + dt·D, D]]. Output may not alias input.
 */
function predictInto(
  mean: Float64Array,
  cov: Float64Array,
  p: KalmanParams,
  dt: number,
  outMean: Float64Array,
  outCov: Float64Array,
): void {
  const h = mean[3];
  const sp = p.stdWeightPosition * h;
  const sv = p.stdWeightVelocity * h;
  const q0 = sp * sp;
  const q1 = sv * sv;
  for (let i = 0; i < 4; i++) {
    outMean[i] = mean[i] + dt * mean[i + 4];
    outMean[i + 4] = mean[i + 4];
    for (let j = 0; j < 4; j++) {
      const a = cov[i * 8 + j];
      const b = cov[i * 8 + j + 4];
      const bt = cov[(i + 4) * 8 + j];
      const d = cov[(i + 4) * 8 + j + 4];
      outCov[i * 8 + j] = a + dt * (b + bt) + dt * dt * d;
      outCov[i * 8 + j + 4] = b + dt * d;
      outCov[(i + 4) * 8 + j] = bt + dt * d;
      outCov[(i + 4) * 8 + j + 4] = d;
    }
  }
  const qa = p.aspectProcessStd * p.aspectProcessStd;
  const qva = p.aspectVelocityProcessStd * p.aspectVelocityProcessStd;
  const qDiag = [q0, q0, qa, q0, q1, q1, qva, q1];
  for (let i = 0; i < STATE_DIM; i++) outCov[i * 9] += dt * qDiag[i];
}

/** One constant-velocity step of `dt` frames (default 1; fractions allowed). */
export function predict(g: Gaussian, p: KalmanParams, dt = 1): Gaussian {
  const mean = new Float64Array(STATE_DIM);
  const covariance = new Float64Array(STATE_DIM * STATE_DIM);
  predictInto(g.mean, g.covariance, p, dt, mean, covariance);
  return { mean, covariance };
}

/**
 * Batched predict of `dt` frames for all tracks: one packed allocation for
 * the whole batch (each result is a view into it), no per-track temporaries.
 */
export function multiPredict(states: readonly Gaussian[], p: KalmanParams, dt = 1): Gaussian[] {
  const n = states.length;
  const means = new Float64Array(n * STATE_DIM);
  const covs = new Float64Array(n * STATE_DIM * STATE_DIM);
  const out: Gaussian[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const mean = means.subarray(k * STATE_DIM, (k + 1) * STATE_DIM);
    const covariance = covs.subarray(k * 64, (k + 1) * 64);
    predictInto(states[k].mean, states[k].covariance, p, dt, mean, covariance);
    out[k] = { mean, covariance };
  }
  return out;
}

/** Projects the state into measurement space: S = H P Hᵀ + R, with its Cholesky factor. */
export function project(g: Gaussian, p: KalmanParams): Projection {
  return projectInto(g, p, { mean: new Float64Array(4), covariance: new Float64Array(16), cholesky: new Float64Array(16) });
}

/** `project` writing into caller-owned buffers (no allocation; for per-frame cost loops). */
export function projectInto(g: Gaussian, p: KalmanParams, out: Projection): Projection {
  const r = p.stdWeightPosition * g.mean[3];
  const r2 = r * r;
  const ra = p.aspectMeasurementStd * p.aspectMeasurementStd;
  const { mean, covariance } = out;
  for (let i = 0; i < 4; i++) {
    mean[i] = g.mean[i];
    for (let j = 0; j < 4; j++) covariance[i * 4 + j] = g.covariance[i * 8 + j];
    covariance[i * 5] += i === 2 ? ra : r2;
  }
  cholesky4(covariance, out.cholesky);
  return out;
}

// Scratch for `update` (synchronous, never escapes): keeps the frame loop allocation-light.
const scratchProjection: Projection = { mean: new Float64Array(4), covariance: new Float64Array(16), cholesky: new Float64Array(16) };
const scratchGain = new Float64Array(32);

/** Kalman correction with measurement z = (cx, cy, a, h). */
export function update(g: Gaussian, z: Xyah, p: KalmanParams): Gaussian {
  const { mean: zMean, cholesky } = projectInto(g, p, scratchProjection);
  const P = g.covariance;
  // Kᵀ = S⁻¹ (P Hᵀ)ᵀ = S⁻¹ P[0:4, :], a 4x8 system solved with the Cholesky factor.
  const kt = scratchGain;
  kt.set(P.subarray(0, 32));
  choleskySolve4(cholesky, kt, STATE_DIM);
  const y0 = z[0] - zMean[0];
  const y1 = z[1] - zMean[1];
  const y2 = z[2] - zMean[2];
  const y3 = z[3] - zMean[3];
  const mean = new Float64Array(STATE_DIM);
  for (let i = 0; i < STATE_DIM; i++) {
    mean[i] = g.mean[i] + kt[i] * y0 + kt[8 + i] * y1 + kt[16 + i] * y2 + kt[24 + i] * y3;
  }
  // P' = P - K S Kᵀ = P - (P Hᵀ) Kᵀ.
  const covariance = new Float64Array(64);
  for (let i = 0; i < STATE_DIM; i++) {
    const p0 = P[i * 8];
    const p1 = P[i * 8 + 1];
    const p2 = P[i * 8 + 2];
    const p3 = P[i * 8 + 3];
    for (let j = 0; j < STATE_DIM; j++) {
      covariance[i * 8 + j] = P[i * 8 + j] - (p0 * kt[j] + p1 * kt[8 + j] + p2 * kt[16 + j] + p3 * kt[24 + j]);
    }
  }
  return { mean, covariance };
}

/**
 * Squared Mahalanobis distance between the state's projection and each
 * measurement. With `onlyPosition` only (cx, cy) count (2 dof): the leading
 * 2x2 block of a Cholesky factor is the factor of the leading 2x2 block.
 * Compare against `CHI2INV95[4]` (or `[2]` with onlyPosition).
 */
export function gatingDistance(g: Gaussian, measurements: readonly Xyah[], p: KalmanParams, onlyPosition = false): Float64Array {
  const { mean, cholesky: l } = projectInto(g, p, scratchProjection);
  const out = new Float64Array(measurements.length);
  for (let k = 0; k < measurements.length; k++) {
    const z = measurements[k];
    if (onlyPosition) {
      const z0 = (z[0] - mean[0]) / l[0];
      const z1 = (z[1] - mean[1] - l[4] * z0) / l[5];
      out[k] = z0 * z0 + z1 * z1;
    } else {
      out[k] = mahalanobisSquared4(l, z[0] - mean[0], z[1] - mean[1], z[2] - mean[2], z[3] - mean[3]);
    }
  }
  return out;
}
