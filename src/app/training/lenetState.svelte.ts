/** Runes state for the LeNet panel: MNIST split, model, train/stop/resume, evaluation. */
import * as tf from '@tensorflow/tfjs';
import {
  buildLenet, computeLayerShapes, confusionMatrix, disposeModel, EarlyStopping, fetchMnist, labelsOf, lenetLayerSpecs,
  mnistTensors, ModelCheckpoint, predictClasses, preprocessDigit, registerWasmConvBackpropFilter, splitMnist, trainModel,
  validateLenetConfig, type EpochLogs, type GrayImage, type LenetConfig, type MnistData, type MnistSplit,
} from '../../core/training/index.ts';

export const CHECKPOINT_URL = 'indexeddb://trackscope-lenet-best';

export class LenetState {
  config = $state<LenetConfig>(validateLenetConfig());
  epochs = $state(10);
  batchSize = $state(32);
  patience = $state(3);
  history = $state.raw<EpochLogs[]>([]);
  confusion = $state.raw<number[][]>([]);
  running = $state(false);
  status = $state('MNIST not loaded');
  error = $state('');
  prediction = $state.raw<number[]>([]);
  shapes = $derived.by(() => {
    try {
      return computeLayerShapes(this.config.inputShape, lenetLayerSpecs(validateLenetConfig($state.snapshot(this.config))));
    } catch (e) {
      return { layers: [], totalParams: 0, error: (e as Error).message };
    }
  });
  #data: MnistData | null = null;
  #split: MnistSplit | null = null;
  #model: tf.LayersModel | null = null;
  #abort: AbortController | null = null;
  #nextEpoch = 0;

  async load(): Promise<void> {
    registerWasmConvBackpropFilter();
    this.status = 'loading MNIST…';
    try {
      this.#data = await fetchMnist();
      this.#split = splitMnist(this.#data.count);
      this.status = `MNIST: ${this.#split.train.length} train / ${this.#split.val.length} val / ${this.#split.test.length} test`;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** Starts fresh (resume = false) or continues from the last stop. */
  async train(resume = false): Promise<void> {
    if (this.running || !this.#data || !this.#split) return;
    this.error = '';
    if (!resume || !this.#model) {
      disposeModel(this.#model);
      this.#model = buildLenet($state.snapshot(this.config));
      this.#nextEpoch = 0;
      this.history = [];
    }
    const train = mnistTensors(this.#data, this.#split.train);
    const val = mnistTensors(this.#data, this.#split.val);
    this.#abort = new AbortController();
    this.running = true;
    try {
      const r = await trainModel(this.#model, { x: train.x, y: train.y, xVal: val.x, yVal: val.y }, {
        epochs: this.epochs, batchSize: this.batchSize, initialEpoch: this.#nextEpoch, seed: this.config.seed, signal: this.#abort.signal,
        learningRate: this.config.learningRate, yieldEvery: 5,
        callbacks: [
          new EarlyStopping({ monitor: 'val_loss', patience: this.patience, restoreBestWeights: true }),
          new ModelCheckpoint({ target: CHECKPOINT_URL, monitor: 'val_accuracy' }),
          { onEpochEnd: (logs) => void (this.history = [...this.history, logs]) },
        ],
      });
      this.#nextEpoch = r.nextEpoch;
      this.status = r.message ?? `completed ${this.#nextEpoch} epochs`;
      await this.evaluate();
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      tf.dispose([train.x, train.y, val.x, val.y]);
      this.running = false;
    }
  }

  async evaluate(): Promise<void> {
    if (!this.#model || !this.#data || !this.#split) return;
    const test = mnistTensors(this.#data, this.#split.test);
    try {
      this.confusion = confusionMatrix(labelsOf(this.#data, this.#split.test), await predictClasses(this.#model, test.x), 10);
    } finally {
      tf.dispose([test.x, test.y]);
    }
  }

  /** Preprocesses a drawn digit (ink = high) and stores class probabilities. */
  async predictDrawing(img: GrayImage): Promise<void> {
    if (!this.#model) return;
    const x = tf.tensor4d(preprocessDigit(img), [1, 28, 28, 1]);
    const p = this.#model.predict(x) as tf.Tensor;
    try {
      this.prediction = Array.from(await p.data());
    } finally {
      tf.dispose([x, p]);
    }
  }

  stop(): void {
    this.#abort?.abort();
  }

  dispose(): void {
    this.stop();
    disposeModel(this.#model);
    this.#model = null;
  }
}
