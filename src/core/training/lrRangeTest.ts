/**
 * Learning-rate range test: train a fresh model for one pass while raising
 * the learning rate exponentially from minLr to maxLr, recording the batch
 * loss at each step.
 *
 * "Stable" is defined on the smoothed loss (exponential moving average,
 * β = 0.9, bias-corrected, so single noisy batches do not end the test): it
 * is finite and ≤ divergeFactor (default 4) × the lowest smoothed loss so far. The test stops at the first unstable step;
 * the suggestion is half the learning rate of the last stable step.
 */
import * as tf from '@tensorflow/tfjs';
import { setLearningRate } from './optimizers.ts';
import { mulberry32, permutation } from './rng.ts';
import { yieldFrame } from './yieldFrame.ts';

export interface LrRangeConfig {
  minLr: number;
  maxLr: number;
  /** Steps; 0 = one epoch of batches (at least MIN_STEPS, cycling the data). */
  steps: number;
  batchSize: number;
  divergeFactor: number;
  seed: number;
}

export const MIN_STEPS = 20;
export const DEFAULT_LR_RANGE_CONFIG: Readonly<LrRangeConfig> = {
  minLr: 1e-4,
  maxLr: 10,
  steps: 0,
  batchSize: 16,
  divergeFactor: 4,
  seed: 0,
};

export function validateLrRangeConfig(input: Partial<LrRangeConfig>): LrRangeConfig {
  const c = { ...DEFAULT_LR_RANGE_CONFIG, ...input };
  if (!(c.minLr > 0 && c.minLr < c.maxLr && c.maxLr <= 1000))
    throw new Error(`lr range is ${c.minLr}..${c.maxLr}; allowed: 0 < minLr < maxLr <= 1000`);
  if (!Number.isInteger(c.steps) || c.steps < 0 || c.steps > 10000)
    throw new Error(`lr range steps is ${c.steps}; allowed: integer 0..10000 (0 = one epoch)`);
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1) throw new Error(`lr range batchSize is ${c.batchSize}; allowed: integer >= 1`);
  if (!(c.divergeFactor > 1)) throw new Error(`lr range divergeFactor is ${c.divergeFactor}; allowed: > 1`);
  return c;
}

export interface LrPoint {
  lr: number;
  /** Raw batch loss. */
  loss: number;
  /** EMA of the loss (β = SMOOTHING), the value the stability rule uses. */
  smoothed: number;
}

export const SMOOTHING = 0.9;

export interface LrSuggestion {
  /** Index of the first unstable point, or -1 if all were stable. */
  divergedAt: number;
  largestStableLr: number;
  suggestedLr: number;
}

/** Pure: applies the stability rule above to recorded points. */
export function suggestLearningRate(points: readonly LrPoint[], divergeFactor = 4): LrSuggestion {
  if (points.length === 0) throw new Error('lr range test has no points; allowed: at least one');
  let min = Infinity;
  let divergedAt = -1;
  for (let i = 0; i < points.length; i++) {
    const l = points[i].smoothed;
    min = Math.min(min, Number.isFinite(l) ? l : Infinity);
    if (!Number.isFinite(l) || l > divergeFactor * min) {
      divergedAt = i;
      break;
    }
  }
  const lastStable = divergedAt === -1 ? points.length - 1 : Math.max(0, divergedAt - 1);
  const largestStableLr = points[lastStable].lr;
  return { divergedAt, largestStableLr, suggestedLr: largestStableLr / 2 };
}

export function lrAtStep(c: Pick<LrRangeConfig, 'minLr' | 'maxLr'>, step: number, steps: number): number {
  return steps <= 1 ? c.minLr : c.minLr * (c.maxLr / c.minLr) ** (step / (steps - 1));
}

/**
 * Trains `model` (compiled, fresh: its weights are spoiled afterwards, so
 * pass a throwaway copy and dispose it) on x/y. Stops at divergence.
 */
export async function lrRangeTest(
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  config: Partial<LrRangeConfig> = {},
  signal?: AbortSignal,
): Promise<LrSuggestion & { points: LrPoint[] }> {
  const c = validateLrRangeConfig(config);
  const n = x.shape[0];
  const steps = c.steps || Math.max(MIN_STEPS, Math.ceil(n / c.batchSize));
  const order = permutation(mulberry32(c.seed), n);
  const points: LrPoint[] = [];
  let min = Infinity;
  let avg = 0;
  for (let s = 0; s < steps && !signal?.aborted; s++) {
    const lr = lrAtStep(c, s, steps);
    setLearningRate(model.optimizer, lr);
    const start = (s * c.batchSize) % n;
    const idx = Array.from({ length: Math.min(c.batchSize, n) }, (_, k) => order[(start + k) % n]);
    const [xb, yb] = tf.tidy(() => [tf.gather(x, idx), tf.gather(y, idx)]);
    let loss: number;
    try {
      const out = await model.trainOnBatch(xb, yb);
      loss = Array.isArray(out) ? out[0] : out;
    } finally {
      tf.dispose([xb, yb]);
    }
    avg = SMOOTHING * avg + (1 - SMOOTHING) * loss;
    const smoothed = avg / (1 - SMOOTHING ** (s + 1));
    points.push({ lr, loss, smoothed });
    min = Math.min(min, smoothed);
    if (!Number.isFinite(smoothed) || smoothed > c.divergeFactor * min) break;
    await yieldFrame();
  }
  return { points, ...suggestLearningRate(points, c.divergeFactor) };
}
