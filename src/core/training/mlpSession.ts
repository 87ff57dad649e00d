/**
 * The MLP panel's work without the UI: one model and its config, training on
 * plain arrays, and the live views' data (prediction grid, weights, one
 * sample's forward/backward trace). The Svelte state class only holds runes.
 */
import type * as tf from '@tensorflow/tfjs';
import { disposeModel } from './disposeModel.ts';
import type { MlpConfig } from './mlpConfig.ts';
import { buildMlp } from './mlpModel.ts';
import { AUX_OUTPUT, buildWideDeep } from './wideDeep.ts';
import { stepThrough, type StepTrace } from './stepThrough.ts';
import { predictMlp, trainMlp, type ArraySet, type MlpTrainHooks } from './trainMlp.ts';
import type { TrainResult } from './trainTypes.ts';

export interface DenseWeights {
  kernel: number[][];
  bias: number[];
}

async function denseWeights(layer: tf.layers.Layer): Promise<DenseWeights> {
  const [k, b] = layer.getWeights();
  return { kernel: (await k.array()) as number[][], bias: (await b.array()) as number[] };
}

export class MlpSession {
  #model: tf.LayersModel | null = null;
  #config: MlpConfig | null = null;

  get model(): tf.LayersModel | null {
    return this.#model;
  }

  get config(): MlpConfig | null {
    return this.#config;
  }

  /** Builds a fresh model for `config` (disposing the old one); Wide & Deep adapts its normalisation to `trainX`. */
  build(config: MlpConfig, trainX: readonly number[][] = []): tf.LayersModel {
    disposeModel(this.#model);
    this.#model = config.wide ? buildWideDeep(config, trainX) : buildMlp(config);
    this.#config = config;
    return this.#model;
  }

  /** Trains the model from the last `build`; it stays for the views. */
  async fit(train: ArraySet, val: ArraySet | undefined, hooks: MlpTrainHooks = {}): Promise<TrainResult> {
    if (!this.#model || !this.#config) throw new Error('no model to train: call build(config) first');
    return trainMlp(this.#model, this.#config, train, val, hooks);
  }

  /** Model outputs for each grid point (a boundary heatmap or a regression curve). */
  async predict(grid: readonly number[][]): Promise<number[][] | null> {
    return this.#model ? predictMlp(this.#model, grid) : null;
  }

  /** Kernel and bias of every trained layer of the main chain (hidden layers, then the output), as arrays. */
  async weights(): Promise<DenseWeights[]> {
    if (!this.#model) return [];
    const withWeights = this.#model.layers.filter((l) => l.trainable && l.getWeights().length === 2 && l.name !== AUX_OUTPUT);
    return Promise.all(withWeights.map(denseWeights));
  }

  /** The Wide & Deep auxiliary head's kernel (last-hidden rows) and bias; null without one. */
  async auxWeights(): Promise<DenseWeights | null> {
    const aux = this.#model?.layers.find((l) => l.name === AUX_OUTPUT);
    return aux ? denseWeights(aux) : null;
  }

  /** One sample's forward/backward trace; null for Wide & Deep (the trace follows a plain chain). */
  async trace(x: readonly number[], y: number | number[]): Promise<StepTrace | null> {
    if (!this.#model || !this.#config || this.#config.wide) return null;
    return stepThrough(this.#model, this.#config, x as number[], y);
  }

  dispose(): void {
    disposeModel(this.#model);
    this.#model = null;
  }
}
