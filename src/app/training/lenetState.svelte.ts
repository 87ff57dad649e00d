/**
 * Runes state for the LeNet panel: MNIST split, editable architecture, one
 * model, train/stop/resume with EarlyStopping + ModelCheckpoint, evaluation
 * and the drawn-digit views. Saving/loading lives in LenetModels.
 */
import * as tf from '@tensorflow/tfjs';
import {
  buildLenet,
  compileLenet,
  computeLayerShapes,
  confusionMatrix,
  describeStorageError,
  disposeModel,
  EarlyStopping,
  fetchMnist,
  featureMaps,
  isQuotaError,
  labelsOf,
  lenetLayerSpecs,
  mnistTensors,
  ModelCheckpoint,
  predictClasses,
  preprocessDigit,
  splitMnist,
  trainModel,
  validateEarlyStopping,
  validateLenetConfig,
  type EarlyStoppingConfig,
  type EpochLogs,
  type FeatureMap,
  type GrayImage,
  type LenetConfig,
  type MnistData,
  type MnistSplit,
  type Monitor,
  type TrainCallback,
} from '../../core/training/index.ts';
import { trainingBackend } from './trainingBackend.svelte';

export const LENET_PREFIX = 'trackscope-lenet-';
export const CHECKPOINT_URL = `indexeddb://${LENET_PREFIX}checkpoint`;
export const LENET_TOPOLOGY = { inputShape: [28, 28, 1], outputUnits: 10 } as const;

export class LenetState {
  config = $state<LenetConfig>(validateLenetConfig());
  epochs = $state(3);
  batchSize = $state(32);
  /** Training digits per epoch (a prefix of the seeded train split), so an epoch can be short. */
  trainSize = $state(2000);
  early = $state<EarlyStoppingConfig>(validateEarlyStopping({ patience: 2 }));
  checkpoint = $state({ enabled: true, monitor: 'val_accuracy' as Monitor });
  history = $state.raw<EpochLogs[]>([]);
  confusion = $state.raw<number[][]>([]);
  running = $state(false);
  progress = $state(0);
  status = $state('MNIST not loaded');
  error = $state('');
  prediction = $state.raw<number[]>([]);
  preprocessed = $state.raw<Float32Array | null>(null);
  maps = $state.raw<FeatureMap[]>([]);
  /** Describes where the current model came from ("trained 3 epochs", "loaded foo"). */
  modelLabel = $state('no model yet');
  hasModel = $state(false);
  canResume = $state(false);
  shapes = $derived.by(() => {
    try {
      const c = validateLenetConfig($state.snapshot(this.config) as LenetConfig);
      return { ...computeLayerShapes(c.inputShape, lenetLayerSpecs(c)), error: '' };
    } catch (e) {
      return { layers: [], totalParams: 0, error: (e as Error).message };
    }
  });
  #data: MnistData | null = null;
  #split: MnistSplit | null = null;
  #model: tf.LayersModel | null = null;
  #abort: AbortController | null = null;
  #training: Promise<void> | null = null;
  #nextEpoch = 0;
  #drawing: GrayImage | null = null;
  #destroyed = false;

  get maxTrainSize(): number {
    return this.#split?.train.length ?? 8000;
  }

  get model(): tf.LayersModel | null {
    return this.#model;
  }

  async load(): Promise<void> {
    this.status = 'starting backend and loading MNIST…';
    try {
      const [data] = await Promise.all([fetchMnist(), trainingBackend.ensure()]);
      this.#data = data;
      this.#split = splitMnist(data.count);
      this.status = `MNIST ready: ${this.#split.train.length} train / ${this.#split.val.length} val / ${this.#split.test.length} test digits`;
    } catch (e) {
      this.error = (e as Error).message;
      this.status = 'not ready';
    }
  }

  #trainOptionsError(): string {
    const n = this.trainSize,
      b = this.batchSize,
      e = this.epochs;
    if (!Number.isInteger(n) || n < 10 || n > this.maxTrainSize)
      return `training subset is ${n}; allowed: integer 10..${this.maxTrainSize}`;
    if (!Number.isInteger(b) || b < 1 || b > 512) return `batch size is ${b}; allowed: integer 1..512`;
    if (!Number.isInteger(e) || e < 1 || e > 100) return `epochs is ${e}; allowed: integer 1..100`;
    return '';
  }

  /** Starts fresh (resume = false) or continues from the last stop. */
  train(resume = false): Promise<void> {
    if (this.running || !this.#data || !this.#split) return Promise.resolve();
    this.#training = this.#train(resume, this.#data, this.#split).finally(() => (this.#training = null));
    return this.#training;
  }

  async #train(resume: boolean, data: MnistData, split: MnistSplit): Promise<void> {
    this.error = '';
    let early: EarlyStopping;
    try {
      const bad = this.#trainOptionsError();
      if (bad) throw new Error(bad);
      early = new EarlyStopping($state.snapshot(this.early));
      if (!resume || !this.#model) {
        const model = buildLenet($state.snapshot(this.config) as LenetConfig);
        this.#replaceModel(model, 'training…');
        this.#nextEpoch = 0;
        this.history = [];
      } else if (!this.#model.optimizer) {
        compileLenet(this.#model, validateLenetConfig($state.snapshot(this.config) as LenetConfig));
      }
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    if (resume && this.#nextEpoch >= this.epochs) this.epochs = this.#nextEpoch + 1;
    const model = this.#model as tf.LayersModel;
    const trainIdx = split.train.slice(0, this.trainSize);
    const valIdx = split.val.slice(0, Math.min(split.val.length, Math.max(200, Math.round(this.trainSize / 4))));
    const train = mnistTensors(data, trainIdx);
    const val = mnistTensors(data, valIdx);
    const batches = Math.ceil(trainIdx.length / this.batchSize);
    const first = this.#nextEpoch,
      total = this.epochs - first;
    let epochInRun = 0;
    const callbacks: TrainCallback[] = [
      early,
      {
        onBatchEnd: (b: number) => (this.progress = (epochInRun + (b + 1) / batches) / total),
        onEpochEnd: (logs: EpochLogs) => {
          epochInRun++;
          this.history = [...this.history, logs];
          this.status = `epoch ${logs.epoch + 1}/${this.epochs} done`;
        },
      },
    ];
    if (this.checkpoint.enabled) callbacks.push(new ModelCheckpoint({ target: CHECKPOINT_URL, monitor: this.checkpoint.monitor }));
    this.#abort = new AbortController();
    this.running = true;
    this.progress = 0;
    this.status = `training on ${trainIdx.length} digits (validating on ${valIdx.length}) from epoch ${first + 1}…`;
    try {
      const r = await trainModel(
        model,
        { x: train.x, y: train.y, xVal: val.x, yVal: val.y },
        {
          epochs: this.epochs,
          batchSize: this.batchSize,
          initialEpoch: first,
          seed: this.config.seed,
          signal: this.#abort.signal,
          learningRate: this.config.learningRate,
          yieldEvery: 2,
          callbacks,
        },
      );
      if (this.#destroyed) return;
      this.#nextEpoch = r.nextEpoch;
      this.canResume = true;
      const best =
        early.bestEpoch >= 0 && early.config.restoreBestWeights
          ? `; weights of epoch ${early.bestEpoch + 1} (best ${early.config.monitor}) restored`
          : '';
      if (r.stopReason === 'nan') this.error = r.message ?? 'loss became NaN';
      this.status = `${r.stopReason === 'completed' ? `completed ${r.nextEpoch} epochs` : (r.message ?? r.stopReason)}${best}`;
      this.modelLabel = `trained ${r.nextEpoch} epoch(s) on ${trainIdx.length} digits`;
      await this.evaluate();
      await this.#refreshDrawing();
    } catch (e) {
      if (!this.#destroyed)
        this.error =
          isQuotaError(e) || /IndexedDB/i.test(String(e)) ? describeStorageError('ModelCheckpoint save', e) : (e as Error).message;
    } finally {
      tf.dispose([train.x, train.y, val.x, val.y]);
      this.running = false;
    }
  }

  async evaluate(): Promise<void> {
    if (!this.#model || !this.#data || !this.#split || this.#destroyed) return;
    const test = mnistTensors(this.#data, this.#split.test);
    try {
      this.confusion = confusionMatrix(labelsOf(this.#data, this.#split.test), await predictClasses(this.#model, test.x), 10);
    } finally {
      tf.dispose([test.x, test.y]);
    }
  }

  /** Takes ownership of `model` (disposing the old one) — used by training and by LenetModels.load. */
  #replaceModel(model: tf.LayersModel, label: string): void {
    if (this.#model !== model) disposeModel(this.#model);
    this.#model = model;
    this.hasModel = true;
    this.modelLabel = label;
    this.confusion = [];
  }

  async adoptModel(model: tf.LayersModel, label: string): Promise<void> {
    this.#replaceModel(model, label);
    this.history = [];
    this.#nextEpoch = 0;
    this.canResume = true; // Resume compiles it with the editor's optimizer and trains on
    await this.evaluate();
    await this.#refreshDrawing();
  }

  /** Preprocesses a drawn digit (ink = high), predicts and computes feature maps. */
  async predictDrawing(img: GrayImage): Promise<void> {
    this.#drawing = img;
    await this.#refreshDrawing();
  }

  async #refreshDrawing(): Promise<void> {
    const img = this.#drawing;
    if (!img) return;
    const pixels = preprocessDigit(img);
    this.preprocessed = pixels;
    if (!this.#model || this.#destroyed) return;
    const x = tf.tensor4d(pixels, [1, 28, 28, 1]);
    const p = this.#model.predict(x) as tf.Tensor;
    try {
      this.prediction = Array.from(await p.data());
      this.maps = await featureMaps(this.#model, x);
    } finally {
      tf.dispose([x, p]);
    }
  }

  /** An MNIST test digit as a 28×28 "drawing": a keyboard-friendly way to try the model. */
  sampleDigit(i: number): GrayImage | null {
    if (!this.#data || !this.#split) return null;
    const idx = this.#split.test[i % this.#split.test.length];
    const data = new Float32Array(784);
    for (let p = 0; p < 784; p++) data[p] = this.#data.pixels[idx * 784 + p] / 255;
    return { data, width: 28, height: 28 };
  }

  stop(): void {
    this.#abort?.abort();
  }

  /** Aborts training, waits for the loop to let go of the model, then frees it. */
  async dispose(): Promise<void> {
    this.#destroyed = true;
    this.stop();
    await this.#training?.catch(() => {});
    disposeModel(this.#model);
    this.#model = null;
  }
}
