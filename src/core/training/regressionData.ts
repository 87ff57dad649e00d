/**
 * Seeded 1-D regression set y = slope·x + intercept + noise, with a chosen
 * fraction of points replaced by large outliers (to compare MSE, L1 and Huber).
 */
import { mulberry32, normal } from './rng.ts';

export interface RegressionConfig {
  /** Number of points, 4..10000. */
  n: number;
  slope: number;
  intercept: number;
  /** Std of the inlier noise, 0..10. */
  noise: number;
  /** Fraction of points turned into outliers, 0..0.5. */
  outlierFraction: number;
  /** Outliers get +outlierOffset (always upward, so they bias least squares), 0..1000. */
  outlierOffset: number;
  seed: number;
}

export const DEFAULT_REGRESSION_CONFIG: Readonly<RegressionConfig> = {
  n: 200,
  slope: 2,
  intercept: 0.5,
  noise: 0.1,
  outlierFraction: 0.1,
  outlierOffset: 8,
  seed: 1,
};

export interface RegressionSet {
  x: number[];
  y: number[];
  isOutlier: boolean[];
}

export function validateRegressionConfig(input: Partial<RegressionConfig>): RegressionConfig {
  const c = { ...DEFAULT_REGRESSION_CONFIG, ...input };
  if (!Number.isInteger(c.n) || c.n < 4 || c.n > 10000) throw new Error(`regression n is ${c.n}; allowed: integer 4..10000`);
  if (!Number.isFinite(c.slope) || !Number.isFinite(c.intercept))
    throw new Error(`regression slope/intercept are ${c.slope}/${c.intercept}; allowed: finite numbers`);
  if (!(c.noise >= 0 && c.noise <= 10)) throw new Error(`regression noise is ${c.noise}; allowed: 0..10`);
  if (!(c.outlierFraction >= 0 && c.outlierFraction <= 0.5))
    throw new Error(`regression outlierFraction is ${c.outlierFraction}; allowed: 0..0.5`);
  if (!(c.outlierOffset >= 0 && c.outlierOffset <= 1000))
    throw new Error(`regression outlierOffset is ${c.outlierOffset}; allowed: 0..1000`);
  if (!Number.isInteger(c.seed)) throw new Error(`regression seed is ${c.seed}; allowed: integer`);
  return c;
}

/** x is uniform in [-1, 1]; exactly round(n·outlierFraction) points are outliers. */
export function makeRegressionSet(config: Partial<RegressionConfig> = {}): RegressionSet {
  const c = validateRegressionConfig(config);
  const rng = mulberry32(c.seed);
  const nOut = Math.round(c.n * c.outlierFraction);
  const x: number[] = [];
  const y: number[] = [];
  const isOutlier: boolean[] = [];
  for (let i = 0; i < c.n; i++) {
    const xi = rng() * 2 - 1;
    // Spread outliers evenly through the index range so any prefix is representative.
    const out = nOut > 0 && i % Math.floor(c.n / nOut) === 0 && i / Math.floor(c.n / nOut) < nOut;
    x.push(xi);
    y.push(c.slope * xi + c.intercept + normal(rng, 0, c.noise) + (out ? c.outlierOffset * (0.5 + rng()) : 0));
    isOutlier.push(out);
  }
  return { x, y, isOutlier };
}
