/**
 * Runes state for the architecture zoo: which presets to run, for how many
 * epochs on how many digits, and the comparison table, one row per (preset,
 * backend) run. Runs on the page's training backend; switching the backend and
 * running again adds rows for the other backend.
 */
import * as tf from '@tensorflow/tfjs';
import {
  fetchMnist,
  labelsOf,
  mnistTensors,
  runZooModel,
  splitMnist,
  validateZooRunConfig,
  ZOO_LABELS,
  ZOO_PRESETS,
  zooParamCount,
  type MnistData,
  type MnistSplit,
  type ZooPreset,
  type ZooResult,
} from '../../core/training/index.ts';
import { trainingBackend } from './trainingBackend.svelte';

/** One table row per preset variant and backend: a rerun replaces its row. */
export const zooRowKey = (r: ZooResult): string => `${r.preset}${r.preset === 'residual' && !r.skip ? '-noskip' : ''}-${r.backend}`;

/** Validation digits per run: enough for a stable accuracy, small enough to stay quick. */
const VAL_DIGITS = 500;

export class ZooState {
  selected = $state<Record<ZooPreset, boolean>>({ lenet5: true, alexnet: true, inception: true, residual: true });
  skip = $state(true);
  epochs = $state(2);
  trainSize = $state(2000);
  results = $state.raw<ZooResult[]>([]);
  running = $state(false);
  progress = $state(0);
  status = $state('MNIST not loaded');
  error = $state('');
  /** Parameters of each preset as configured now (the residual one follows the skip toggle). */
  params = $state.raw<Record<ZooPreset, number> | null>(null);
  #data: MnistData | null = null;
  #split: MnistSplit | null = null;
  #abort: AbortController | null = null;
  #run: Promise<void> | null = null;

  async load(): Promise<void> {
    this.status = 'starting backend and loading MNIST…';
    try {
      const [data] = await Promise.all([fetchMnist(), trainingBackend.ensure()]);
      this.#data = data;
      this.#split = splitMnist(data.count);
      this.refreshParams();
      this.status = 'ready';
    } catch (e) {
      this.error = (e as Error).message;
      this.status = 'not ready';
    }
  }

  refreshParams(): void {
    const skip = this.skip;
    this.params = Object.fromEntries(ZOO_PRESETS.map((p) => [p, zooParamCount(p, { skip })])) as Record<ZooPreset, number>;
  }

  get maxTrainSize(): number {
    return this.#split?.train.length ?? 8000;
  }

  #optionsError(): string {
    const n = this.trainSize;
    if (!Number.isInteger(n) || n < 10 || n > this.maxTrainSize)
      return `training digits is ${n}; allowed: integer 10..${this.maxTrainSize}`;
    if (!ZOO_PRESETS.some((p) => this.selected[p])) return 'no preset selected; tick at least one';
    try {
      validateZooRunConfig({ preset: 'lenet5', epochs: this.epochs });
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  }

  run(): Promise<void> {
    if (this.running || !this.#data || !this.#split) return Promise.resolve();
    this.error = this.#optionsError();
    if (this.error) return Promise.resolve();
    this.#run = this.#runAll(this.#data, this.#split).finally(() => (this.#run = null));
    return this.#run;
  }

  async #runAll(data: MnistData, split: MnistSplit): Promise<void> {
    const presets = ZOO_PRESETS.filter((p) => this.selected[p]);
    const epochs = this.epochs,
      skip = this.skip;
    const train = mnistTensors(data, split.train.slice(0, this.trainSize));
    const valIdx = split.val.slice(0, VAL_DIGITS);
    const val = mnistTensors(data, valIdx);
    const batches = Math.ceil(train.x.shape[0] / 32);
    this.#abort = new AbortController();
    this.running = true;
    this.progress = 0;
    try {
      for (const [i, preset] of presets.entries()) {
        let epochDone = 0;
        this.status = `training ${ZOO_LABELS[preset]} (${i + 1}/${presets.length})…`;
        const row = await runZooModel(
          validateZooRunConfig({ preset, epochs, skip }),
          { x: train.x, y: train.y, xVal: val.x, valLabels: labelsOf(data, valIdx) },
          {
            signal: this.#abort.signal,
            onBatchEnd: (b) => (this.progress = (i + (epochDone + (b + 1) / batches) / epochs) / presets.length),
            onEpochEnd: () => epochDone++,
          },
        );
        if (row.stopReason === 'aborted') {
          this.status = 'stopped';
          return;
        }
        this.results = [...this.results.filter((r) => zooRowKey(r) !== zooRowKey(row)), row];
      }
      this.status = `done: ${presets.length} model(s), ${epochs} epoch(s) on ${train.x.shape[0]} digits`;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      tf.dispose([train.x, train.y, val.x, val.y]);
      this.running = false;
    }
  }

  stop(): void {
    this.#abort?.abort();
  }

  async dispose(): Promise<void> {
    this.stop();
    await this.#run?.catch(() => {});
  }
}
