/**
 * Runes state for the LeNet panel: the editable settings and what the views
 * show. The work (MNIST, model, training, evaluation, drawing views) lives
 * in the framework-free LenetSession; saving/loading lives in LenetModels.
 */
import type * as tf from '@tensorflow/tfjs';
import {
  computeLayerShapes,
  defaultCallbackSettings,
  describeCallbackStop,
  describeStorageError,
  isQuotaError,
  lenetCode,
  lenetLayerSpecs,
  LenetSession,
  makeCallbacks,
  ModelCheckpoint,
  preprocessDigit,
  validateLenetConfig,
  type CallbackSettings,
  type EpochLogs,
  type FeatureMap,
  type GrayImage,
  type UnitActivations,
  type LenetConfig,
  type ModelCode,
  type Monitor,
  type RunCallbacks,
} from '../../core/training/index.ts';
import { RunLog } from './runLog.svelte';
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
  callbacks = $state<CallbackSettings>(defaultCallbackSettings({ enabled: true, patience: 2 }));
  /** ModelCheckpoint: on the best epoch of `monitor`, or every N-th epoch. */
  checkpoint = $state({ enabled: true, monitor: 'val_accuracy' as Monitor, mode: 'best' as 'best' | 'every', every: 2 });
  readonly log = new RunLog();
  history = $state.raw<EpochLogs[]>([]);
  confusion = $state.raw<number[][]>([]);
  running = $state(false);
  progress = $state(0);
  status = $state('MNIST not loaded');
  error = $state('');
  prediction = $state.raw<number[]>([]);
  preprocessed = $state.raw<Float32Array | null>(null);
  maps = $state.raw<FeatureMap[]>([]);
  /** Dense layers' activations for the drawn digit (the 3Blue1Brown-style view). */
  dense = $state.raw<UnitActivations[]>([]);
  /** Describes where the current model came from ("trained 3 epochs", "loaded foo"). */
  modelLabel = $state('no model yet');
  hasModel = $state(false);
  /** MNIST is loaded (the session's data and split are there). */
  ready = $state(false);
  canResume = $state(false);
  maxTrainSize = $state(8000);
  shapes = $derived.by(() => {
    try {
      const c = validateLenetConfig($state.snapshot(this.config) as LenetConfig);
      return { ...computeLayerShapes(c.inputShape, lenetLayerSpecs(c)), error: '' };
    } catch (e) {
      return { layers: [], totalParams: 0, error: (e as Error).message };
    }
  });
  /** "Three APIs, one model": the architecture as code, or the message saying what is wrong. */
  code = $derived.by((): ModelCode | string => {
    try {
      return lenetCode(validateLenetConfig($state.snapshot(this.config) as LenetConfig));
    } catch (e) {
      return (e as Error).message;
    }
  });
  readonly session = new LenetSession();
  #abort: AbortController | null = null;
  #training: Promise<void> | null = null;
  #drawing: GrayImage | null = null;
  #destroyed = false;

  get model(): tf.LayersModel | null {
    return this.session.model;
  }

  async load(): Promise<void> {
    this.status = 'starting backend and loading MNIST…';
    try {
      const [split] = await Promise.all([this.session.load(), trainingBackend.ensure()]);
      this.maxTrainSize = split.train.length;
      this.ready = true;
      this.status = `MNIST ready: ${split.train.length} train / ${split.val.length} val / ${split.test.length} test digits`;
    } catch (e) {
      this.error = (e as Error).message;
      this.status = 'not ready';
    }
  }

  /** Starts fresh (resume = false) or continues from the last stop. */
  train(resume = false): Promise<void> {
    if (this.running || !this.session.ready) return Promise.resolve();
    this.#training = this.#train(resume).finally(() => (this.#training = null));
    return this.#training;
  }

  async #train(resume: boolean): Promise<void> {
    this.error = '';
    let cbs: RunCallbacks;
    try {
      cbs = makeCallbacks($state.snapshot(this.callbacks) as CallbackSettings);
      const ck = this.checkpoint;
      if (ck.enabled)
        cbs.callbacks.push(
          new ModelCheckpoint({ target: CHECKPOINT_URL, monitor: ck.monitor, saveBestOnly: ck.mode === 'best', everyEpochs: ck.every }),
        );
    } catch (e) {
      return void (this.error = (e as Error).message);
    }
    const early = cbs.early;
    const c = this.config;
    this.#abort = new AbortController();
    this.running = true;
    this.progress = 0;
    try {
      const r = await this.session.train({
        config: $state.snapshot(this.config) as LenetConfig,
        epochs: this.epochs,
        batchSize: this.batchSize,
        trainSize: this.trainSize,
        resume: resume && this.hasModel,
        callbacks: cbs.callbacks,
        signal: this.#abort.signal,
        onStart: ({ train, val, firstEpoch, epochs }) => {
          if (firstEpoch === 0) this.#modelChanged('training…');
          this.epochs = epochs;
          this.status = `training on ${train} digits (validating on ${val}) from epoch ${firstEpoch + 1}…`;
        },
        onProgress: (f) => (this.progress = f),
        onEpochEnd: (logs) => {
          this.history = [...this.history, logs];
          this.status = `epoch ${logs.epoch + 1}/${this.epochs} done`;
        },
      });
      if (this.#destroyed) return;
      this.canResume = true;
      const best =
        early && early.bestEpoch >= 0 && early.config.restoreBestWeights
          ? `; weights of epoch ${early.bestEpoch + 1} (best ${early.config.monitor}) restored`
          : '';
      if (r.stopReason === 'nan') this.error = r.message ?? 'loss became NaN';
      const why = describeCallbackStop(cbs) || (r.message ?? r.stopReason);
      this.status = `${r.stopReason === 'completed' ? `completed ${r.nextEpoch} epochs` : why}${best}`;
      const arch = c.convBlocks.length ? c.convBlocks.map((b) => b.filters).join('-') + ' conv' : 'dense only';
      this.log.add(`${arch}, ${c.denseUnits.join('-')}, ${c.kernelInit}, ${c.optimizer} lr ${c.learningRate}`, this.history);
      this.modelLabel = `trained ${r.nextEpoch} epoch(s) on ${r.trainCount} digits`;
      await this.evaluate();
      await this.#refreshDrawing();
    } catch (e) {
      if (!this.#destroyed)
        this.error =
          isQuotaError(e) || /IndexedDB/i.test(String(e)) ? describeStorageError('ModelCheckpoint save', e) : (e as Error).message;
    } finally {
      this.running = false;
    }
  }

  async evaluate(): Promise<void> {
    if (this.#destroyed) return;
    this.confusion = await this.session.evaluate();
  }

  #modelChanged(label: string): void {
    this.hasModel = true;
    this.modelLabel = label;
    this.confusion = [];
    this.history = [];
  }

  /** Takes ownership of a loaded model (LenetModels.load); Resume compiles it with the editor's optimizer. */
  async adoptModel(model: tf.LayersModel, label: string): Promise<void> {
    this.session.adopt(model);
    this.#modelChanged(label);
    this.canResume = true;
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
    if (this.#destroyed) return;
    const v = await this.session.views(pixels);
    if (!v) return;
    this.prediction = v.prediction;
    this.maps = v.maps;
    this.dense = v.dense;
  }

  /** An MNIST test digit as a 28×28 "drawing": a keyboard-friendly way to try the model. */
  sampleDigit(i: number): GrayImage | null {
    const data = this.session.sampleDigit(i);
    return data && { data, width: 28, height: 28 };
  }

  stop(): void {
    this.#abort?.abort();
  }

  /** Aborts training, waits for the loop to let go of the model, then frees it. */
  async dispose(): Promise<void> {
    this.#destroyed = true;
    this.stop();
    await this.#training?.catch(() => {});
    this.session.dispose();
  }
}
