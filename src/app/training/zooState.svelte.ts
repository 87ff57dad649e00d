/**
 * Runes state for the architecture zoo: which presets to run, for how many
 * epochs on how many digits, and the comparison table, one row per (preset,
 * backend) run. Training happens in a worker (zooClient.ts) on the page's
 * training backend, so the page stays responsive; switching the backend and
 * running again adds rows for the other backend.
 */
import {
  fetchMnist,
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
import { exposeZooWorkerStats } from '../testHooks';
import { trainingBackend } from './trainingBackend.svelte';
import { ZooWorkerClient, zooDigits, type ZooWorkerStats } from './zooClient';

/** One table row per preset variant and backend: a rerun replaces its row. */
export const zooRowKey = (r: ZooResult): string => `${r.preset}${r.preset === 'residual' && !r.skip ? '-noskip' : ''}-${r.backend}`;

/** Validation digits per run: enough for a stable accuracy, small enough to stay quick. */
export const ZOO_VAL_DIGITS = 500;

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
  /** Where the latest run trained, e.g. "in a background worker on wasm", with why when not on the page's backend. */
  where = $state('');
  /** Parameters of each preset as configured now (the residual one follows the skip toggle). */
  params = $state.raw<Record<ZooPreset, number> | null>(null);
  #data: MnistData | null = null;
  #split: MnistSplit | null = null;
  #client = new ZooWorkerClient();
  #run: Promise<void> | null = null;
  #stats: ZooWorkerStats | null = null;

  constructor() {
    exposeZooWorkerStats(() => this.#stats);
  }

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
    const { epochs, skip, trainSize } = this;
    this.running = true;
    this.progress = 0;
    this.status = 'starting the training worker…';
    try {
      const { name } = await trainingBackend.ensure();
      const stats = await this.#client.run(
        { backend: name, runs: presets.map((preset) => ({ preset, skip })), epochs, ...zooDigits(data, split, trainSize, ZOO_VAL_DIGITS) },
        {
          onStarted: (backend, fallback) => (this.where = `in a background worker on ${backend}${fallback ? ` (${fallback})` : ''}`),
          onProgress: (fraction, model) => {
            this.progress = fraction;
            this.status = `training ${ZOO_LABELS[presets[model]]} (${model + 1}/${presets.length}) ${this.where}…`;
          },
          onRow: (row) => (this.results = [...this.results.filter((r) => zooRowKey(r) !== zooRowKey(row)), row]),
        },
      );
      this.#stats = stats;
      this.status = stats.stopped
        ? 'stopped'
        : `done: ${presets.length} model(s), ${epochs} epoch(s) on ${trainSize} digits, ${this.where}`;
    } catch (e) {
      this.error = `The zoo could not train: ${(e as Error).message}. The page still works; try again, or pick another backend.`;
      this.status = 'failed';
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    this.#client.stop();
  }

  /** Ends the worker at once (its tensors go with it); a run in progress ends as failed. */
  async dispose(): Promise<void> {
    this.#client.dispose();
    await this.#run?.catch(() => {});
  }
}
