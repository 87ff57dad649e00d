/**
 * A single threshold logic unit (TLU) trained with the perceptron rule, in the
 * manner of scikit-learn's `Perceptron`: targets t ∈ {−1, +1}; a sample is a
 * mistake when t·(w·x + b) ≤ 0 and then w ← w + η·t·x, b ← b + η·t.
 * Prediction is step(w·x + b): class 1 if > 0 else 0. Plain arrays, exact.
 */
import { mulberry32, permutation } from './rng.ts';
import { yieldFrame } from './yieldFrame.ts';

export interface PerceptronState {
  weights: number[];
  bias: number;
}

export interface PerceptronConfig {
  /** Learning rate η, > 0 and ≤ 10. */
  eta: number;
  /** Passes over the data, 1..10000; stops earlier after an error-free pass. */
  maxEpochs: number;
  /** Shuffle the sample order each epoch with `seed` (scikit-learn's default is true). */
  shuffle: boolean;
  seed: number;
}

export const DEFAULT_PERCEPTRON_CONFIG: Readonly<PerceptronConfig> = { eta: 1, maxEpochs: 100, shuffle: false, seed: 0 };

export function validatePerceptronConfig(input: Partial<PerceptronConfig>): PerceptronConfig {
  const c = { ...DEFAULT_PERCEPTRON_CONFIG, ...input };
  if (!(c.eta > 0 && c.eta <= 10)) throw new Error(`perceptron eta is ${c.eta}; allowed: 0 < eta <= 10`);
  if (!Number.isInteger(c.maxEpochs) || c.maxEpochs < 1 || c.maxEpochs > 10000) {
    throw new Error(`perceptron maxEpochs is ${c.maxEpochs}; allowed: integer 1..10000`);
  }
  return c;
}

export function initPerceptron(inputSize: number): PerceptronState {
  return { weights: new Array(inputSize).fill(0), bias: 0 };
}

export function decision(s: PerceptronState, x: readonly number[]): number {
  return s.weights.reduce((acc, w, i) => acc + w * x[i], s.bias);
}

export function predictPerceptron(s: PerceptronState, x: readonly number[]): 0 | 1 {
  return decision(s, x) > 0 ? 1 : 0;
}

/** One application of the rule to one sample (label 0/1). Returns a new state. */
export function perceptronStep(
  s: PerceptronState,
  x: readonly number[],
  label: number,
  eta: number,
): { state: PerceptronState; updated: boolean } {
  const t = label === 1 ? 1 : -1;
  if (t * decision(s, x) > 0) return { state: s, updated: false };
  return { state: { weights: s.weights.map((w, i) => w + eta * t * x[i]), bias: s.bias + eta * t }, updated: true };
}

export interface PerceptronFit {
  state: PerceptronState;
  /** Mistakes (updates) per epoch. */
  mistakes: number[];
  converged: boolean;
}

export function fitPerceptron(x: readonly number[][], y: readonly number[], config: Partial<PerceptronConfig> = {}): PerceptronFit {
  const c = validatePerceptronConfig(config);
  if (x.length !== y.length || x.length === 0)
    throw new Error(`perceptron got ${x.length} samples and ${y.length} labels; they must match and be non-empty`);
  const rng = mulberry32(c.seed);
  let state = initPerceptron(x[0].length);
  const mistakes: number[] = [];
  for (let epoch = 0; epoch < c.maxEpochs; epoch++) {
    const order = c.shuffle ? permutation(rng, x.length) : x.map((_, i) => i);
    let m = 0;
    for (const i of order) {
      const r = perceptronStep(state, x[i], y[i], c.eta);
      state = r.state;
      if (r.updated) m++;
    }
    mistakes.push(m);
    if (m === 0) return { state, mistakes, converged: true };
  }
  return { state, mistakes, converged: false };
}

export function perceptronAccuracy(s: PerceptronState, x: readonly number[][], y: readonly number[]): number {
  return x.reduce((acc, xi, i) => acc + (predictPerceptron(s, xi) === y[i] ? 1 : 0), 0) / x.length;
}

/**
 * The perceptron rule one epoch at a time, yielding a frame between epochs so
 * a live view can draw the moving boundary. Binary labels 0/1. Stops after an
 * error-free pass, at `epochs`, or when `signal` aborts.
 */
export async function runPerceptronLive(
  x: readonly number[][],
  y: readonly number[],
  config: Pick<PerceptronConfig, 'eta' | 'maxEpochs'>,
  hooks: { signal?: AbortSignal; onEpoch?: (state: PerceptronState, mistakes: number) => void } = {},
): Promise<PerceptronFit> {
  const c = validatePerceptronConfig(config);
  let state = initPerceptron(x[0]?.length ?? 0);
  const mistakes: number[] = [];
  for (let epoch = 0; epoch < c.maxEpochs && !hooks.signal?.aborted; epoch++) {
    let m = 0;
    x.forEach((xi, i) => {
      const r = perceptronStep(state, xi, y[i], c.eta);
      state = r.state;
      if (r.updated) m++;
    });
    mistakes.push(m);
    hooks.onEpoch?.(state, m);
    if (m === 0) return { state, mistakes, converged: true };
    await yieldFrame();
  }
  return { state, mistakes, converged: false };
}
