/** Runes state for the learning-rate range test on the MLP panel's current config and data. */
import * as tf from '@tensorflow/tfjs';
import { buildMlp, disposeModel, lrRangeTest, mlpTensors, type LrPoint, type MlpConfig } from '../../core/training/index.ts';
import type { TaskData } from './mlpData';
import { splitTask } from './mlpData';
import { trainingBackend } from './trainingBackend.svelte';

export class LrRangeState {
  points = $state.raw<LrPoint[]>([]);
  suggested = $state<number | null>(null);
  divergedAt = $state(-1);
  running = $state(false);
  error = $state('');
  #abort: AbortController | null = null;

  /** Trains a throwaway copy of the model while raising the LR from 1e-4 to 10. */
  async run(config: MlpConfig | string, data: TaskData | string): Promise<void> {
    if (this.running) return;
    this.error = '';
    if (typeof config === 'string' || typeof data === 'string')
      return void (this.error = String(typeof config === 'string' ? config : data));
    this.running = true;
    this.points = [];
    this.suggested = null;
    this.#abort = new AbortController();
    const { train } = splitTask(data);
    let model: tf.LayersModel | null = null;
    let t: { x: tf.Tensor2D; y: tf.Tensor2D } | null = null;
    try {
      await trainingBackend.ensure();
      model = buildMlp(config);
      t = mlpTensors(config, train.x, train.y);
      const r = await lrRangeTest(model, t.x, t.y, { batchSize: config.batchSize, steps: 100, seed: config.seed }, this.#abort.signal);
      this.points = r.points;
      this.suggested = r.suggestedLr;
      this.divergedAt = r.divergedAt;
    } catch (e) {
      this.error = `learning-rate range test failed: ${(e as Error).message}`;
    } finally {
      if (t) tf.dispose([t.x, t.y]);
      disposeModel(model);
      this.running = false;
    }
  }

  /** Forget the plot (it described another dataset). */
  clear(): void {
    if (this.running) return;
    this.points = [];
    this.suggested = null;
    this.divergedAt = -1;
  }

  stop(): void {
    this.#abort?.abort();
  }
}
