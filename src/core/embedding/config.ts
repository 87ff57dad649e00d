/**
 * Appearance-embedding settings: which descriptor, which CenterNet node it
 * pools, and the pooling grid. Validated like the detector config: defaults
 * filled in, a copy returned, errors naming the key, its value and the range.
 */
import { HISTOGRAM_CROP } from './colorHistogram.ts';
import { ConfigValueError, checkNumber as checkNumberIn, rejectUnknownKeys } from '../util/configValue.ts';

/**
 * - `joint`: RoI-aligned pooling of a CenterNet feature map (no second network);
 * - `histogram`: soft colour histogram of the box pixels, upper and lower halves;
 * - `fusion`: both, each L2-normalised, concatenated with weights √w and √(1−w)
 *   so the cosine similarity is w·joint + (1−w)·histogram.
 */
export const EMBEDDING_METHODS = ['joint', 'histogram', 'fusion'] as const;
export type EmbeddingMethod = (typeof EMBEDDING_METHODS)[number];

export interface EmbeddingConfig {
  readonly method: EmbeddingMethod;
  /**
   * CenterNet graph node to pool (`joint`, `fusion`). It must be an NHWC map
   * over the 512x512 input, e.g. `tower_0/CenternetHead/Relu_1` (stride 8).
   */
  readonly featureNode: string;
  /** RoI-align grid [rows, cols] sampled from the feature map per box. */
  readonly roiGrid: readonly [rows: number, cols: number];
  /** Horizontal pooling cells of the grid kept separate; rows are split into this many bands (1 = global mean). */
  readonly poolBands: number;
  /** Bins per colour channel for `histogram`/`fusion`. */
  readonly histogramBins: number;
  /** Fraction of the box width trimmed from each side before pooling (boxes include background at the sides). */
  readonly sideTrim: number;
  /** `fusion` weight w of the joint part, in [0, 1]. */
  readonly fusionWeight: number;
}

/**
 * Measured on 50 real vtest same-person pairs one second apart
 * (`npm run bench:reid -- --compare`, rank-1 / AUC): the stride-16 residual
 * stream `expanded_conv_11/add` [32x32x88] beat the head's stride-4/8/16 maps
 * (`CenternetHead/mul`, `Relu_1`, `Relu`: 0.86–0.88 / 0.98–0.99) and
 * stride-32 `extern1` (0.92 / 0.990) with 0.94 / 0.994; the colour
 * histogram gave 0.84 / 0.986, and their fusion 0.96 / 0.996, so fusion is
 * the default. On the synthetic scene (bench:reid) the effect on identity
 * switches is mixed: seed 1 IDSW 6 → 4 (fusion, histogram), seed 2 3 → 4.
 */
export const DEFAULT_EMBEDDING_CONFIG: EmbeddingConfig = Object.freeze({
  method: 'fusion',
  featureNode: 'tower_0/MobilenetV3/expanded_conv_11/add',
  roiGrid: Object.freeze([8, 4] as const),
  poolBands: 2,
  histogramBins: 8,
  sideTrim: 0.15,
  fusionWeight: 0.5,
});

export class EmbeddingConfigError extends ConfigValueError {
  override readonly name = 'EmbeddingConfigError';
}

const checkNumber = (key: string, value: unknown, min: number, max: number, integer = false): number =>
  checkNumberIn(EmbeddingConfigError, key, value, min, max, integer);

/** Fills defaults, validates and returns a copy; throws `EmbeddingConfigError`. */
export function validateEmbeddingConfig(input: Partial<EmbeddingConfig> = {}): EmbeddingConfig {
  rejectUnknownKeys(EmbeddingConfigError, input, Object.keys(DEFAULT_EMBEDDING_CONFIG));
  const c = { ...DEFAULT_EMBEDDING_CONFIG, ...input };
  if (!EMBEDDING_METHODS.includes(c.method)) {
    throw new EmbeddingConfigError('method', c.method, `one of ${EMBEDDING_METHODS.join(', ')}`);
  }
  if (typeof c.featureNode !== 'string' || c.featureNode.length === 0) {
    throw new EmbeddingConfigError('featureNode', c.featureNode, 'a non-empty graph node name');
  }
  if (!Array.isArray(c.roiGrid) || c.roiGrid.length !== 2) {
    throw new EmbeddingConfigError('roiGrid', c.roiGrid, '[rows, cols] with integers in [1, 32]');
  }
  const rows = checkNumber('roiGrid[0]', c.roiGrid[0], 1, 32, true);
  const cols = checkNumber('roiGrid[1]', c.roiGrid[1], 1, 32, true);
  const poolBands = checkNumber('poolBands', c.poolBands, 1, rows, true);
  if (rows % poolBands !== 0 || HISTOGRAM_CROP[0] % poolBands !== 0) {
    throw new EmbeddingConfigError('poolBands', poolBands, `a divisor of roiGrid[0] = ${rows} and of ${HISTOGRAM_CROP[0]}`);
  }
  return {
    method: c.method,
    featureNode: c.featureNode,
    roiGrid: [rows, cols],
    poolBands,
    histogramBins: checkNumber('histogramBins', c.histogramBins, 2, 64, true),
    sideTrim: checkNumber('sideTrim', c.sideTrim, 0, 0.4),
    fusionWeight: checkNumber('fusionWeight', c.fusionWeight, 0, 1),
  };
}
