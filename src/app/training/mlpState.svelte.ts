/**
 * Runes state for the MLP panel: data settings, config, one model (MLP) or a
 * TLU (perceptron rule), the training lifecycle and the live views' data
 * (decision boundary / regression curve, weights, one sample's step-through).
 */
import {
  defaultCallbackSettings,
  describeCallbackStop,
  hasAuxOutput,
  makeCallbacks,
  unitsIdentical,
  mlpCode,
  MlpSession,
  perceptronAccuracy,
  predictPerceptron,
  runPerceptronLive,
  validateMlpConfig,
  type CallbackSettings,
  type DenseWeights,
  type RunCallbacks,
  type EpochLogs,
  type MlpConfig,
  type PerceptronState,
  type StepTrace,
} from '../../core/training/index.ts';
import {
  boundaryGrid,
  DEFAULT_DATA,
  makeTaskData,
  shapeFor,
  splitTask,
  taskDefaults,
  type DataSettings,
  type Task,
  type TaskData,
} from './mlpData';
import { RunLog } from './runLog.svelte';
import { trainingBackend } from './trainingBackend.svelte';

export const GRID = 60;
/** Views cost a grid prediction: refresh at most this often while training. */
const VIEW_REFRESH_MS = 150;

export class MlpState {
  data = $state<DataSettings>({ ...DEFAULT_DATA });
  config = $state<MlpConfig>(validateMlpConfig({ outputActivation: 'softmax', outputSize: 2, epochs: 60, hiddenLayers: [8, 8] }));
  mode = $state<'mlp' | 'perceptron'>('mlp');
  history = $state.raw<EpochLogs[]>([]);
  mistakes = $state.raw<number[]>([]);
  running = $state(false);
  progress = $state(0);
  message = $state('');
  error = $state('');
  /** Per grid cell: class probabilities (or [value] for one-unit outputs). */
  boundary = $state.raw<number[][] | null>(null);
  weights = $state.raw<DenseWeights[]>([]);
  /** The Wide & Deep auxiliary head's weights (null without one). */
  auxWeights = $state.raw<DenseWeights | null>(null);
  trace = $state.raw<StepTrace | null>(null);
  sampleIndex = $state(0);
  perceptron = $state.raw<PerceptronState | null>(null);
  callbacks = $state<CallbackSettings>(defaultCallbackSettings({ monitor: 'val_loss', patience: 10 }));
  readonly log = new RunLog();
  /** Last Wide & Deep comparison: final val_loss of each model. */
  comparison = $state.raw<{ wide: number; plain: number; auxWeight: number } | null>(null);
  /** Per hidden layer: are all its units identical (zeros initialisation never breaks this symmetry)? */
  symmetric = $derived(this.weights.slice(0, -1).map((w) => unitsIdentical(w.kernel, w.bias)));
  taskData = $derived.by((): TaskData | string => {
    try {
      return makeTaskData($state.snapshot(this.data));
    } catch (e) {
      return (e as Error).message;
    }
  });
  /** The full validated config for the current data, or the message saying what is wrong. */
  resolved = $derived.by((): MlpConfig | string => {
    if (typeof this.taskData === 'string') return this.taskData;
    try {
      return validateMlpConfig({ ...$state.snapshot(this.config), ...shapeFor(this.taskData, this.config) });
    } catch (e) {
      return (e as Error).message;
    }
  });
  /** "Three APIs, one model": the current model as code, or the message saying what is wrong. */
  code = $derived(typeof this.resolved === 'string' ? this.resolved : mlpCode(this.resolved));
  readonly session = new MlpSession();
  #abort: AbortController | null = null;
  #training: Promise<void> | null = null;
  #destroyed = false;

  setTask(task: Task): void {
    const wasRegression = this.data.task === 'regression';
    this.data.task = task;
    if (wasRegression !== (task === 'regression')) Object.assign(this.config, taskDefaults(task));
    this.#reset();
  }

  /** Takes a tuner trial's data and config (and shows where they came from). */
  apply(h: { data: DataSettings; config: Partial<MlpConfig>; label: string }): void {
    this.mode = 'mlp';
    this.data = { ...h.data };
    this.config = validateMlpConfig({ ...$state.snapshot(this.config), ...h.config });
    this.message = `loaded ${h.label}`;
    this.#reset();
  }

  #reset(): void {
    this.history = [];
    this.mistakes = [];
    this.boundary = null;
    this.trace = null;
    this.perceptron = null;
  }

  train(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.#training = (this.mode === 'mlp' ? this.#trainMlp() : this.#trainPerceptron()).finally(() => (this.#training = null));
    return this.#training;
  }

  async #trainMlp(): Promise<void> {
    this.error = '';
    const c = this.resolved,
      d = this.taskData;
    if (typeof c === 'string' || typeof d === 'string') return void (this.error = typeof c === 'string' ? c : String(d));
    try {
      await trainingBackend.ensure();
    } catch {
      return void (this.error = trainingBackend.error);
    }
    this.#reset();
    this.#abort = new AbortController();
    this.running = true;
    this.progress = 0;
    this.message = `training ${c.epochs} epochs on ${d.x.length} points…`;
    const { train, val } = splitTask(d);
    let lastView = 0;
    let cbs: RunCallbacks;
    try {
      cbs = makeCallbacks($state.snapshot(this.callbacks) as CallbackSettings);
    } catch (e) {
      this.running = false;
      return void (this.error = (e as Error).message);
    }
    try {
      this.session.build(c, train.x);
      await this.refreshViews();
      const r = await this.session.fit(train, val, {
        signal: this.#abort.signal,
        callbacks: cbs.callbacks,
        onEpochEnd: (logs) => {
          this.history = [...this.history, logs];
          this.progress = (logs.epoch + 1) / c.epochs;
          // Views cost a grid prediction: refresh about 20 times per run, at most every 150 ms.
          if (performance.now() - lastView > VIEW_REFRESH_MS) {
            lastView = performance.now();
            void this.refreshViews();
          }
        },
      });
      if (this.#destroyed) return;
      if (r.stopReason === 'nan') this.error = r.message ?? 'loss became NaN';
      this.message =
        r.stopReason === 'completed'
          ? `completed ${r.history.length} epochs`
          : r.stopReason === 'nan'
            ? `stopped after ${r.history.length} good epoch(s); the views show the last good weights`
            : describeCallbackStop(cbs) || (r.message ?? r.stopReason);
      this.log.add(`${c.hiddenLayers.join('-')} ${c.hiddenActivation}, ${c.kernelInit}, ${c.optimizer} lr ${c.learningRate}`, r.history);
      await this.refreshViews();
    } catch (e) {
      if (!this.#destroyed) this.error = (e as Error).message;
    } finally {
      this.running = false;
    }
  }

  /** TLU + perceptron rule, one epoch per frame so the boundary visibly moves. Binary 2-D data only. */
  async #trainPerceptron(): Promise<void> {
    this.error = '';
    const d = this.taskData;
    if (typeof d === 'string') return void (this.error = d);
    if (d.task === 'regression' || d.classes !== 2)
      return void (this.error = 'the perceptron (TLU) separates two classes: choose a 2-class 2-D dataset');
    this.#reset();
    this.#abort = new AbortController();
    this.running = true;
    const { train } = splitTask(d);
    const grid = boundaryGrid(GRID);
    try {
      const fit = await runPerceptronLive(
        train.x,
        train.y,
        { eta: this.config.learningRate, maxEpochs: this.config.epochs },
        {
          signal: this.#abort.signal,
          onEpoch: (state, m) => {
            this.mistakes = [...this.mistakes, m];
            this.perceptron = state;
            this.progress = this.mistakes.length / this.config.epochs;
            this.boundary = grid.map((p) => [predictPerceptron(state, p)]);
          },
        },
      );
      const acc = perceptronAccuracy(fit.state, train.x, train.y);
      this.message = `${fit.converged ? 'converged' : 'did not converge (not linearly separable?)'} after ${fit.mistakes.length} epochs; train accuracy ${(acc * 100).toFixed(1)}%`;
    } catch (e) {
      this.error = (e as Error).message.replace('perceptron eta', 'perceptron learning rate η');
    } finally {
      this.running = false;
    }
  }

  /**
   * Wide & Deep vs the plain MLP: trains both on the same split with the same
   * seed and epochs (no callbacks), and keeps each one's final val_loss.
   */
  async compareWide(): Promise<void> {
    const c = this.resolved,
      d = this.taskData;
    if (this.running || typeof c === 'string' || typeof d === 'string') return;
    this.error = '';
    this.running = true;
    this.#abort = new AbortController();
    const { train, val } = splitTask(d);
    const out: Record<'wide' | 'plain', number> = { wide: NaN, plain: NaN };
    const probe = new MlpSession();
    try {
      await trainingBackend.ensure();
      for (const kind of ['plain', 'wide'] as const) {
        this.message = `comparing: training the ${kind === 'wide' ? 'Wide & Deep' : 'plain'} model…`;
        probe.build(kind === 'wide' ? c : { ...c, wide: false, auxWeight: 0 }, train.x);
        const r = await probe.fit(train, val, {
          signal: this.#abort.signal,
          onEpochEnd: (l) => (this.progress = (l.epoch + 1) / c.epochs),
        });
        out[kind] = r.history.at(-1)?.val_loss ?? NaN;
      }
      this.comparison = { ...out, auxWeight: hasAuxOutput(c) ? c.auxWeight : 0 };
      this.message = `compared after ${c.epochs} epochs, same data and seed ${c.seed}`;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      probe.dispose();
      this.running = false;
    }
  }

  /** Boundary (or regression curve), weights and the step-through for the current model. */
  async refreshViews(): Promise<void> {
    const c = this.session.config;
    if (!c || this.#destroyed) return;
    const grid = c.inputSize === 2 ? boundaryGrid(GRID) : Array.from({ length: 101 }, (_, i) => [-1.2 + (2.4 * i) / 100]);
    this.boundary = await this.session.predict(grid);
    this.weights = await this.session.weights();
    this.auxWeights = await this.session.auxWeights();
    await this.step(this.sampleIndex);
  }

  async step(index: number): Promise<void> {
    const d = this.taskData;
    if (typeof d === 'string' || !this.session.model) return;
    this.sampleIndex = ((index % d.x.length) + d.x.length) % d.x.length;
    this.trace = await this.session.trace(d.x[this.sampleIndex], d.y[this.sampleIndex]);
  }

  stop(): void {
    this.#abort?.abort();
  }

  async dispose(): Promise<void> {
    this.#destroyed = true;
    this.stop();
    await this.#training?.catch(() => {});
    this.session.dispose();
  }
}
