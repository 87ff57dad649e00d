/** Runes state for the random-search panel (MLP on a 2-D dataset). */
import {
  defaultCallbackSettings,
  DEFAULT_TUNER_CONFIG,
  makeCallbacks,
  make2dDataset,
  mlpTrialEvaluator,
  runRandomSearch,
  validateTunerConfig,
  type CallbackSettings,
  type DatasetKind,
  type MlpConfig,
  type TrialResult,
  type TunerConfig,
} from '../../core/training/index.ts';
import { DEFAULT_DATA, type DataSettings } from './mlpData';
import { trainingBackend } from './trainingBackend.svelte';

/** What "load best trial" hands to the MLP panel. */
export interface TrialHandoff {
  data: DataSettings;
  config: Partial<MlpConfig>;
  label: string;
}

export class TunerState {
  config = $state<TunerConfig>(structuredClone(DEFAULT_TUNER_CONFIG) as TunerConfig);
  datasetKind = $state<DatasetKind>('spiral');
  epochs = $state(30);
  /** Fresh callbacks per trial (EarlyStopping restores each trial's best epoch before it is scored). */
  callbacks = $state<CallbackSettings>(defaultCallbackSettings({ monitor: 'val_loss', patience: 5 }));
  trials = $state.raw<TrialResult[]>([]);
  best = $state.raw<TrialResult | null>(null);
  running = $state(false);
  status = $state('');
  error = $state('');
  #abort: AbortController | null = null;
  #base: Partial<MlpConfig> = {};

  async run(): Promise<void> {
    if (this.running) return;
    this.error = '';
    let c: TunerConfig;
    const cbs = $state.snapshot(this.callbacks) as CallbackSettings;
    try {
      c = validateTunerConfig($state.snapshot(this.config) as TunerConfig);
      makeCallbacks(cbs); // validates before the first trial
      if (!Number.isInteger(this.epochs) || this.epochs < 1 || this.epochs > 1000)
        throw new Error(`epochs per trial is ${this.epochs}; allowed: integer 1..1000`);
      await trainingBackend.ensure();
    } catch (e) {
      this.error = trainingBackend.error || (e as Error).message;
      return;
    }
    const d = { ...DEFAULT_DATA, task: this.datasetKind };
    const train = make2dDataset({ kind: this.datasetKind, n: d.n, noise: d.noise, classes: d.classes, seed: d.seed });
    const val = make2dDataset({ kind: this.datasetKind, n: 100, noise: d.noise, classes: d.classes, seed: d.seed + 1 });
    this.#base = {
      inputSize: 2,
      outputSize: train.classes,
      outputActivation: 'softmax',
      loss: 'crossentropy',
      optimizer: 'adam',
      epochs: this.epochs,
      seed: c.seed,
    };
    this.#abort = new AbortController();
    this.running = true;
    this.trials = [];
    this.best = null;
    this.status = `running ${c.maxTrials} ${c.strategy} trials on ${this.datasetKind}…`;
    try {
      const r = await runRandomSearch(
        c,
        mlpTrialEvaluator(this.#base, train, val, () => makeCallbacks(cbs).callbacks),
        {
          signal: this.#abort.signal,
          onTrial: (t, best) => {
            this.trials = [...this.trials, t];
            this.best = best;
            this.status = `trial ${t.index + 1} of ${c.maxTrials} done…`;
          },
        },
      );
      this.status = `${r.trials.length} trials done${r.trials.length < c.maxTrials ? ' (stopped)' : ''}; best #${r.best?.index ?? '–'} (${c.objective} ${r.best?.score.toFixed(4) ?? '–'})`;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.running = false;
    }
  }

  /** The best trial's settings for the MLP panel (same seed as in the search). */
  bestHandoff(): TrialHandoff | null {
    const b = this.best;
    if (!b) return null;
    const p = b.params;
    return {
      data: { ...DEFAULT_DATA, task: this.datasetKind },
      config: {
        ...this.#base,
        hiddenLayers: [...p.hiddenLayers],
        learningRate: p.learningRate,
        batchSize: p.batchSize,
        hiddenActivation: p.activation,
        seed: (this.#base.seed ?? 0) + b.index,
      },
      label: `best trial #${b.index}`,
    };
  }

  stop(): void {
    this.#abort?.abort();
  }
}
