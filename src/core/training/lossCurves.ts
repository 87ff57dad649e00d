/** Per-sample regression losses as functions of the residual e = y − ŷ, for the loss-against-residual plot. */
import { huberTerm } from './losses.ts';

export interface LossCurves {
  residuals: number[];
  /** |e|: V-shaped, constant gradient. */
  l1: number[];
  /** e²: U-shaped, gradient grows with the error (outliers dominate). */
  l2: number[];
  /** ½e² within δ, linear beyond. */
  huber: number[];
}

/** `points` residuals evenly spaced over [−range, range]. */
export function lossCurves(delta: number, range = 3, points = 121): LossCurves {
  if (!(delta > 0)) throw new Error(`huber delta is ${delta}; allowed: > 0`);
  if (!(range > 0) || !Number.isInteger(points) || points < 2)
    throw new Error(`range ${range} / points ${points}; allowed: range > 0, integer points >= 2`);
  const residuals = Array.from({ length: points }, (_, i) => -range + (2 * range * i) / (points - 1));
  return { residuals, l1: residuals.map(Math.abs), l2: residuals.map((e) => e * e), huber: residuals.map((e) => huberTerm(e, delta)) };
}
