/**
 * A perceptron layer: one TLU per class, each trained with the perceptron rule
 * on its own one-vs-rest target (class k against the rest), as scikit-learn's
 * multi-class `Perceptron` does. The layer predicts the class whose TLU gives
 * the largest weighted sum. Plain arrays, exact, seeded.
 */
import {
  decision,
  initPerceptron,
  perceptronStep,
  validatePerceptronConfig,
  type PerceptronConfig,
  type PerceptronState,
} from './perceptron.ts';
import { mulberry32, permutation } from './rng.ts';

export interface PerceptronLayerFit {
  units: PerceptronState[];
  /** Total updates over all TLUs per epoch. */
  mistakes: number[];
}

export function predictPerceptronLayer(units: readonly PerceptronState[], x: readonly number[]): number {
  let best = 0;
  units.forEach((u, k) => {
    if (decision(u, x) > decision(units[best], x)) best = k;
  });
  return best;
}

/** Runs exactly `config.maxEpochs` passes (0 allowed: the untrained layer). */
export function fitPerceptronLayer(
  x: readonly number[][],
  y: readonly number[],
  classes: number,
  config: Partial<PerceptronConfig> & { maxEpochs: number },
): PerceptronLayerFit {
  const c = validatePerceptronConfig({ ...config, maxEpochs: Math.max(1, config.maxEpochs) });
  if (!Number.isInteger(classes) || classes < 2 || classes > 10) throw new Error(`classes is ${classes}; allowed: integer 2..10`);
  if (x.length !== y.length || x.length === 0)
    throw new Error(`got ${x.length} samples and ${y.length} labels; they must match and be non-empty`);
  const rng = mulberry32(c.seed);
  let units = Array.from({ length: classes }, () => initPerceptron(x[0].length));
  const mistakes: number[] = [];
  for (let epoch = 0; epoch < config.maxEpochs; epoch++) {
    const order = c.shuffle ? permutation(rng, x.length) : x.map((_, i) => i);
    let m = 0;
    for (const i of order) {
      units = units.map((u, k) => {
        const r = perceptronStep(u, x[i], y[i] === k ? 1 : 0, c.eta);
        if (r.updated) m++;
        return r.state;
      });
    }
    mistakes.push(m);
  }
  return { units, mistakes };
}

export function perceptronLayerAccuracy(units: readonly PerceptronState[], x: readonly number[][], y: readonly number[]): number {
  return x.reduce((a, xi, i) => a + (predictPerceptronLayer(units, xi) === y[i] ? 1 : 0), 0) / x.length;
}
