/**
 * Settings of the custom classification head (transfer learning on frozen
 * CNN embeddings). Validated like the detector config: defaults filled in, a
 * copy returned, errors naming the key, its value and the allowed range.
 */
import { ConfigValueError, checkNumber as checkNumberIn, rejectUnknownKeys } from '../util/configValue.ts';
export interface ClassifierConfig {
  readonly epochs: number;
  readonly learningRate: number;
  /** Units of the hidden ReLU layer; 0 = a plain softmax (logistic) head. */
  readonly hiddenUnits: number;
  /** Fewest samples each class needs before training (at least 2). */
  readonly minSamplesPerClass: number;
  readonly batchSize: number;
  /** L2 weight penalty on the dense kernels (few samples overfit easily). */
  readonly l2: number;
  /** Seed of the weight initialisers, for repeatable heads. */
  readonly seed: number;
}

/**
 * A few dozen samples of 224-d embeddings: 32 hidden units and 40 epochs
 * of Adam at 0.01 train in 0.5–3 s on WASM (Node, 2 cores) and separate two
 * vtest pedestrians on held-out crops (tests/classifier/realCrops.test.ts).
 */
export const DEFAULT_CLASSIFIER_CONFIG: ClassifierConfig = Object.freeze({
  epochs: 40,
  learningRate: 0.01,
  hiddenUnits: 32,
  minSamplesPerClass: 2,
  batchSize: 16,
  l2: 1e-3,
  seed: 42,
});

export class ClassifierConfigError extends ConfigValueError {
  override readonly name = 'ClassifierConfigError';
}

const checkNumber = (key: string, value: unknown, min: number, max: number, integer = false): number =>
  checkNumberIn(ClassifierConfigError, key, value, min, max, integer);

/** Fills defaults, validates and returns a copy; throws `ClassifierConfigError`. */
export function validateClassifierConfig(input: Partial<ClassifierConfig> = {}): ClassifierConfig {
  rejectUnknownKeys(ClassifierConfigError, input, Object.keys(DEFAULT_CLASSIFIER_CONFIG));
  const c = { ...DEFAULT_CLASSIFIER_CONFIG, ...input };
  checkNumber('epochs', c.epochs, 1, 1000, true);
  checkNumber('learningRate', c.learningRate, 1e-6, 1);
  checkNumber('hiddenUnits', c.hiddenUnits, 0, 1024, true);
  checkNumber('minSamplesPerClass', c.minSamplesPerClass, 2, 1000, true);
  checkNumber('batchSize', c.batchSize, 1, 4096, true);
  checkNumber('l2', c.l2, 0, 1);
  checkNumber('seed', c.seed, 0, 2 ** 31 - 1, true);
  return Object.freeze(c);
}
