/**
 * One validated config for the study-note MLP (dense layers only).
 */
import { LOSS_NAMES, type LossName } from './tfLosses.ts';
import { OPTIMIZER_NAMES, type OptimizerName } from './optimizers.ts';
import { KERNEL_INITS, type KernelInit } from './weightInit.ts';

export const HIDDEN_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export const OUTPUT_ACTIVATIONS = ['none', 'sigmoid', 'softmax'] as const;
export type OutputActivation = (typeof OUTPUT_ACTIVATIONS)[number];

export const MLP_LIMITS = { maxHiddenLayers: 5, maxUnits: 100, maxEpochs: 10000, maxBatchSize: 4096 } as const;

export interface MlpConfig {
  inputSize: number;
  outputSize: number;
  /** Units per hidden layer: 1..5 layers of 1..100 units. */
  hiddenLayers: number[];
  hiddenActivation: HiddenActivation;
  outputActivation: OutputActivation;
  loss: LossName;
  /** Huber threshold δ, used only when loss is 'huber'. */
  huberDelta: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** Used only by the 'momentum' optimizer. */
  momentum: number;
  batchSize: number;
  epochs: number;
  /** Seeds weight init and batch shuffling. */
  seed: number;
  kernelInit: KernelInit;
  /** Wide & Deep: the normalised input also goes straight to the output (see wideDeep). */
  wide: boolean;
  /**
   * Wide & Deep only (ignored without `wide`): weight of an auxiliary output
   * on the deep path, in [0, 1); 0 = no auxiliary output. The main output's loss weight is 1 − auxWeight
   * (Géron's Keras example: loss_weights = (0.9, 0.1), i.e. auxWeight 0.1).
   */
  auxWeight: number;
}

/** Géron's auxiliary-output loss weight (the main output gets 1 − this). */
export const DEFAULT_AUX_WEIGHT = 0.1;

export const DEFAULT_MLP_CONFIG: Readonly<MlpConfig> = {
  inputSize: 2,
  outputSize: 1,
  hiddenLayers: [8],
  hiddenActivation: 'tanh',
  outputActivation: 'sigmoid',
  loss: 'crossentropy',
  huberDelta: 1,
  optimizer: 'adam',
  learningRate: 0.05,
  momentum: 0.9,
  batchSize: 16,
  epochs: 100,
  seed: 42,
  kernelInit: 'glorot',
  wide: false,
  auxWeight: 0,
};

function intIn(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} is ${v}; allowed: integer ${lo}..${hi}`);
}

function oneOf<T extends string>(name: string, v: T, allowed: readonly T[]): void {
  if (!allowed.includes(v)) throw new Error(`${name} is ${JSON.stringify(v)}; allowed: ${allowed.join(', ')}`);
}

/** Copies `input` over the defaults and throws naming the first bad value. */
export function validateMlpConfig(input: Partial<MlpConfig> = {}): MlpConfig {
  const c: MlpConfig = { ...DEFAULT_MLP_CONFIG, ...input, hiddenLayers: [...(input.hiddenLayers ?? DEFAULT_MLP_CONFIG.hiddenLayers)] };
  intIn('inputSize', c.inputSize, 1, 100000);
  intIn('outputSize', c.outputSize, 1, 1000);
  intIn('hiddenLayers.length', c.hiddenLayers.length, 1, MLP_LIMITS.maxHiddenLayers);
  c.hiddenLayers.forEach((u, i) => intIn(`hiddenLayers[${i}]`, u, 1, MLP_LIMITS.maxUnits));
  oneOf('hiddenActivation', c.hiddenActivation, HIDDEN_ACTIVATIONS);
  oneOf('outputActivation', c.outputActivation, OUTPUT_ACTIVATIONS);
  oneOf('loss', c.loss, LOSS_NAMES);
  oneOf('optimizer', c.optimizer, OPTIMIZER_NAMES);
  oneOf('kernelInit', c.kernelInit, KERNEL_INITS);
  if (!(c.huberDelta > 0 && c.huberDelta <= 100)) throw new Error(`huberDelta is ${c.huberDelta}; allowed: 0 < delta <= 100`);
  if (!(c.learningRate > 0 && c.learningRate <= 100)) throw new Error(`learningRate is ${c.learningRate}; allowed: 0 < lr <= 100`);
  if (!(c.momentum >= 0 && c.momentum < 1)) throw new Error(`momentum is ${c.momentum}; allowed: 0 <= momentum < 1`);
  intIn('batchSize', c.batchSize, 1, MLP_LIMITS.maxBatchSize);
  intIn('epochs', c.epochs, 1, MLP_LIMITS.maxEpochs);
  if (typeof c.wide !== 'boolean') throw new Error(`wide is ${JSON.stringify(c.wide)}; allowed: true, false`);
  if (!(c.auxWeight >= 0 && c.auxWeight < 1))
    throw new Error(`auxWeight is ${c.auxWeight}; allowed: 0 <= auxWeight < 1 (0 = no auxiliary output)`);
  if (!Number.isInteger(c.seed)) throw new Error(`seed is ${c.seed}; allowed: integer`);
  if (c.loss === 'crossentropy' && c.outputActivation === 'none') {
    throw new Error(`loss "crossentropy" needs outputActivation sigmoid or softmax, got "none"`);
  }
  if (c.outputActivation === 'softmax' && c.outputSize < 2) {
    throw new Error(`outputActivation "softmax" needs outputSize >= 2, got ${c.outputSize}`);
  }
  return c;
}

/** Whether the model gets the auxiliary output (Wide & Deep with a positive auxWeight). */
export function hasAuxOutput(c: Pick<MlpConfig, 'wide' | 'auxWeight'>): boolean {
  return c.wide && c.auxWeight > 0;
}

export function isClassifier(c: Pick<MlpConfig, 'outputActivation'>): boolean {
  return c.outputActivation !== 'none';
}
