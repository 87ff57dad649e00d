/**
 * Regression losses as pure functions (mean over all elements), the exact
 * reference for tests and for the tensor versions in `tfLosses.ts`.
 */
export const REGRESSION_LOSSES = ['mse', 'l1', 'huber'] as const;
export type RegressionLoss = (typeof REGRESSION_LOSSES)[number];

function checkPair(yTrue: readonly number[], yPred: readonly number[]): void {
  if (yTrue.length !== yPred.length || yTrue.length === 0) {
    throw new Error(`yTrue has ${yTrue.length} values and yPred ${yPred.length}; they must match and be non-empty`);
  }
}

/** Mean squared error: mean((y − ŷ)²). */
export function mse(yTrue: readonly number[], yPred: readonly number[]): number {
  checkPair(yTrue, yPred);
  return yTrue.reduce((s, y, i) => s + (y - yPred[i]) ** 2, 0) / yTrue.length;
}

/** Mean absolute error: mean(|y − ŷ|). */
export function l1(yTrue: readonly number[], yPred: readonly number[]): number {
  checkPair(yTrue, yPred);
  return yTrue.reduce((s, y, i) => s + Math.abs(y - yPred[i]), 0) / yTrue.length;
}

/** Huber on one residual: ½e² if |e| ≤ δ, else δ(|e| − ½δ). */
export function huberTerm(e: number, delta: number): number {
  const a = Math.abs(e);
  return a <= delta ? 0.5 * e * e : delta * (a - 0.5 * delta);
}

/** Mean Huber loss; quadratic near 0, linear beyond δ (robust to outliers). */
export function huber(yTrue: readonly number[], yPred: readonly number[], delta = 1): number {
  checkPair(yTrue, yPred);
  if (!(delta > 0)) throw new Error(`huber delta is ${delta}; allowed: > 0`);
  return yTrue.reduce((s, y, i) => s + huberTerm(y - yPred[i], delta), 0) / yTrue.length;
}
