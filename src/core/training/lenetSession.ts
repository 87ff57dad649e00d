/**
 * The LeNet panel's work without the UI: the MNIST split, one model, seeded
 * train/stop/resume through `trainModel`, test-set evaluation and the drawn-
 * digit views (prediction, feature maps). The Svelte state class only turns
 * the events below into runes.
 */
import * as tf from '@tensorflow/tfjs';
import { confusionMatrix, predictClasses } from './confusion.ts';
import { disposeModel } from './disposeModel.ts';
import { denseActivations, hasConvLayers, type UnitActivations } from './denseActivations.ts';
import { featureMaps, type FeatureMap } from './featureMaps.ts';
import { buildLenet, compileLenet, validateLenetConfig, type LenetConfig } from './lenetConfig.ts';
import { labelsOf, mnistTensors, splitMnist, type MnistData, type MnistSplit } from './mnistData.ts';
import { fetchMnist } from './mnistFetch.ts';
import type { EpochLogs, TrainCallback, TrainResult } from './trainTypes.ts';
import { trainModel } from './trainer.ts';

export const LENET_TRAIN_LIMITS = { minTrainSize: 10, maxBatchSize: 512, maxEpochs: 100, minValSize: 200 } as const;

export interface LenetRun {
  config: LenetConfig;
  /** Total epochs (a resume continues up to this). */
  epochs: number;
  batchSize: number;
  /** Training digits per epoch: a prefix of the seeded train split. */
  trainSize: number;
  /** Continue the current model from its last epoch instead of building a fresh one. */
  resume: boolean;
  callbacks?: TrainCallback[];
  onProgress?: (fraction: number) => void;
  onEpochEnd?: (logs: EpochLogs) => void;
  /** Called once the run's sizes are known, before the first epoch. */
  onStart?: (info: { train: number; val: number; firstEpoch: number; epochs: number }) => void;
  signal?: AbortSignal;
}

export interface DrawingViews {
  prediction: number[];
  /** Conv/pool feature maps (none for a dense-only model). */
  maps: FeatureMap[];
  /** Every dense layer's activations, output included. */
  dense: UnitActivations[];
}

export class LenetSession {
  #data: MnistData | null = null;
  #split: MnistSplit | null = null;
  #model: tf.LayersModel | null = null;
  #nextEpoch = 0;

  get ready(): boolean {
    return this.#data !== null;
  }

  get split(): MnistSplit | null {
    return this.#split;
  }

  get data(): MnistData | null {
    return this.#data;
  }

  get model(): tf.LayersModel | null {
    return this.#model;
  }

  get nextEpoch(): number {
    return this.#nextEpoch;
  }

  get maxTrainSize(): number {
    return this.#split?.train.length ?? 8000;
  }

  /** Fetches MNIST (or takes `data`, e.g. in tests) and makes the seeded split. */
  async load(data?: MnistData): Promise<MnistSplit> {
    this.#data = data ?? (await fetchMnist());
    this.#split = splitMnist(this.#data.count);
    return this.#split;
  }

  /** Message naming the first bad option, or '' when they are usable. */
  optionsError(r: Pick<LenetRun, 'trainSize' | 'batchSize' | 'epochs'>): string {
    const L = LENET_TRAIN_LIMITS;
    if (!Number.isInteger(r.trainSize) || r.trainSize < L.minTrainSize || r.trainSize > this.maxTrainSize)
      return `training subset is ${r.trainSize}; allowed: integer ${L.minTrainSize}..${this.maxTrainSize}`;
    if (!Number.isInteger(r.batchSize) || r.batchSize < 1 || r.batchSize > L.maxBatchSize)
      return `batch size is ${r.batchSize}; allowed: integer 1..${L.maxBatchSize}`;
    if (!Number.isInteger(r.epochs) || r.epochs < 1 || r.epochs > L.maxEpochs)
      return `epochs is ${r.epochs}; allowed: integer 1..${L.maxEpochs}`;
    return '';
  }

  /** Takes ownership of `model`, disposing the previous one. */
  adopt(model: tf.LayersModel | null): void {
    if (this.#model !== model) disposeModel(this.#model);
    this.#model = model;
    this.#nextEpoch = 0;
  }

  /**
   * Trains (fresh or resumed). Throws on bad options before touching the
   * model; `result.nextEpoch` is the resume point afterwards.
   */
  async train(r: LenetRun): Promise<TrainResult & { epochs: number; trainCount: number }> {
    const data = this.#data,
      split = this.#split;
    if (!data || !split) throw new Error('MNIST is not loaded yet');
    const bad = this.optionsError(r);
    if (bad) throw new Error(bad);
    const config = validateLenetConfig(r.config);
    if (!r.resume || !this.#model) this.adopt(buildLenet(config));
    else if (!this.#model.optimizer) compileLenet(this.#model, config);
    const epochs = r.resume && this.#nextEpoch >= r.epochs ? this.#nextEpoch + 1 : r.epochs;
    const model = this.#model as tf.LayersModel;
    const trainIdx = split.train.slice(0, r.trainSize);
    const valIdx = split.val.slice(0, Math.min(split.val.length, Math.max(LENET_TRAIN_LIMITS.minValSize, Math.round(r.trainSize / 4))));
    const train = mnistTensors(data, trainIdx);
    const val = mnistTensors(data, valIdx);
    const batches = Math.ceil(trainIdx.length / r.batchSize);
    const first = this.#nextEpoch,
      total = epochs - first;
    let epochInRun = 0;
    const reporter: TrainCallback = {
      onBatchEnd: (b) => r.onProgress?.((epochInRun + (b + 1) / batches) / total),
      onEpochEnd: (logs) => {
        epochInRun++;
        r.onEpochEnd?.(logs);
      },
    };
    r.onStart?.({ train: trainIdx.length, val: valIdx.length, firstEpoch: first, epochs });
    try {
      const result = await trainModel(
        model,
        { x: train.x, y: train.y, xVal: val.x, yVal: val.y },
        {
          epochs,
          batchSize: r.batchSize,
          initialEpoch: first,
          seed: config.seed,
          signal: r.signal,
          learningRate: config.learningRate,
          yieldEvery: 2,
          callbacks: [...(r.callbacks ?? []), reporter],
        },
      );
      this.#nextEpoch = result.nextEpoch;
      return { ...result, epochs, trainCount: trainIdx.length };
    } finally {
      tf.dispose([train.x, train.y, val.x, val.y]);
    }
  }

  /** Confusion matrix of the current model on the test split (empty without a model). */
  async evaluate(): Promise<number[][]> {
    if (!this.#model || !this.#data || !this.#split) return [];
    const test = mnistTensors(this.#data, this.#split.test);
    try {
      return confusionMatrix(labelsOf(this.#data, this.#split.test), await predictClasses(this.#model, test.x), 10);
    } finally {
      tf.dispose([test.x, test.y]);
    }
  }

  /** Class probabilities and feature maps for a preprocessed 28×28 digit (null without a model). */
  async views(pixels: Float32Array): Promise<DrawingViews | null> {
    if (!this.#model) return null;
    const x = tf.tensor4d(pixels, [1, 28, 28, 1]);
    const p = this.#model.predict(x) as tf.Tensor;
    try {
      return {
        prediction: Array.from(await p.data()),
        maps: hasConvLayers(this.#model) ? await featureMaps(this.#model, x) : [],
        dense: await denseActivations(this.#model, x),
      };
    } finally {
      tf.dispose([x, p]);
    }
  }

  /** MNIST test digit `i` (wrapping) as 0..1 pixels, or null before loading. */
  sampleDigit(i: number): Float32Array | null {
    if (!this.#data || !this.#split) return null;
    const idx = this.#split.test[i % this.#split.test.length];
    const out = new Float32Array(784);
    for (let p = 0; p < 784; p++) out[p] = this.#data.pixels[idx * 784 + p] / 255;
    return out;
  }

  dispose(): void {
    disposeModel(this.#model);
    this.#model = null;
  }
}
