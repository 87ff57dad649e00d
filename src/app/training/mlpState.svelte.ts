/** Runes state for the MLP panel: config, data, one model, training lifecycle. */
import type * as tf from '@tensorflow/tfjs';
import {
  buildMlp, disposeModel, functionalCode, make2dDataset, mlpLayerSpecs, sequentialCode, trainMlp, validateMlpConfig,
  type Dataset2d, type DatasetKind, type EpochLogs, type MlpConfig,
} from '../../core/training/index.ts';

export class MlpState {
  config = $state<MlpConfig>(validateMlpConfig({ outputActivation: 'softmax', outputSize: 2, epochs: 50 }));
  datasetKind = $state<DatasetKind>('xor');
  noise = $state(0.05);
  history = $state.raw<EpochLogs[]>([]);
  running = $state(false);
  message = $state('');
  error = $state('');
  dataset = $derived<Dataset2d>(make2dDataset({ kind: this.datasetKind, n: 300, noise: this.noise, classes: 3, seed: 1 }));
  code = $derived.by(() => {
    try {
      const c = validateMlpConfig({ ...this.config, outputSize: this.dataset.classes });
      const comp = { loss: c.loss, huberDelta: c.huberDelta, optimizer: c.optimizer, learningRate: c.learningRate, momentum: c.momentum, outputUnits: c.outputSize };
      return { sequential: sequentialCode([2], mlpLayerSpecs(c), comp), functional: functionalCode([2], mlpLayerSpecs(c), comp) };
    } catch (e) {
      return { sequential: String((e as Error).message), functional: '' };
    }
  });
  #model: tf.LayersModel | null = null;
  #abort: AbortController | null = null;

  async train(): Promise<void> {
    if (this.running) return;
    this.error = '';
    let c: MlpConfig;
    try {
      c = validateMlpConfig({ ...$state.snapshot(this.config), outputSize: this.dataset.classes });
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    disposeModel(this.#model);
    this.#model = buildMlp(c);
    this.#abort = new AbortController();
    this.running = true;
    this.history = [];
    const split = Math.floor(this.dataset.x.length * 0.8);
    const d = this.dataset;
    try {
      const r = await trainMlp(this.#model, c, { x: d.x.slice(0, split), y: d.y.slice(0, split) }, { x: d.x.slice(split), y: d.y.slice(split) }, {
        signal: this.#abort.signal,
        onEpochEnd: (logs) => (this.history = [...this.history, logs]),
      });
      this.message = r.message ?? `completed ${r.history.length} epochs`;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.running = false;
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
