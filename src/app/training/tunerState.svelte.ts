/** Runes state for the random-search panel (MLP on a 2-D dataset). */
import {
  DEFAULT_TUNER_CONFIG, make2dDataset, mlpTrialEvaluator, runRandomSearch, validateTunerConfig,
  type DatasetKind, type TrialResult, type TunerConfig,
} from '../../core/training/index.ts';

export class TunerState {
  config = $state<TunerConfig>(structuredClone(DEFAULT_TUNER_CONFIG) as TunerConfig);
  datasetKind = $state<DatasetKind>('spiral');
  epochs = $state(30);
  trials = $state.raw<TrialResult[]>([]);
  best = $state.raw<TrialResult | null>(null);
  running = $state(false);
  error = $state('');
  #abort: AbortController | null = null;

  async run(): Promise<void> {
    if (this.running) return;
    this.error = '';
    let c: TunerConfig;
    try {
      c = validateTunerConfig($state.snapshot(this.config) as TunerConfig);
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    const train = make2dDataset({ kind: this.datasetKind, n: 300, classes: 3, seed: 1 });
    const val = make2dDataset({ kind: this.datasetKind, n: 100, classes: 3, seed: 2 });
    const base = { inputSize: 2, outputSize: train.classes, outputActivation: 'softmax' as const, loss: 'crossentropy' as const, optimizer: 'adam' as const, epochs: this.epochs, seed: c.seed };
    this.#abort = new AbortController();
    this.running = true;
    this.trials = [];
    this.best = null;
    try {
      await runRandomSearch(c, mlpTrialEvaluator(base, train, val), {
        signal: this.#abort.signal,
        onTrial: (r, best) => {
          this.trials = [...this.trials, r];
          this.best = best;
        },
      });
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    this.#abort?.abort();
  }
}
