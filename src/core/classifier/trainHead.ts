/**
 * Trains a small classification head on frozen embeddings (transfer
 * learning): Dense(hidden, ReLU) → Dense(N, softmax), or softmax alone when
 * `hiddenUnits` is 0. The embeddings are fixed, so training is cheap: a few
 * dozen samples take well under a second.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeModel } from '../training/disposeModel.ts';
import { validateClassifierConfig, type ClassifierConfig } from './config.ts';
import { checkSamples, type ClassSample } from './samples.ts';

export interface HeadEpoch {
  /** 0-based. */
  epoch: number;
  epochs: number;
  loss: number;
  accuracy: number;
}

export interface TrainHeadOptions {
  onEpoch?: (e: HeadEpoch) => void;
  signal?: AbortSignal;
}

export interface TrainedHead {
  /** Compiled model; dispose with `disposeModel` (it owns an optimizer). */
  model: tf.LayersModel;
  classNames: string[];
  dim: number;
  history: HeadEpoch[];
  ms: number;
}

export class TrainingAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(epoch: number) {
    super(`training stopped by the user after epoch ${epoch}`);
  }
}

/** The untrained head (compiled with Adam). */
export function buildHead(dim: number, classes: number, config: ClassifierConfig): tf.LayersModel {
  const reg = config.l2 > 0 ? tf.regularizers.l2({ l2: config.l2 }) : undefined;
  const init = (k: number) => tf.initializers.glorotUniform({ seed: config.seed + k });
  const layers: tf.layers.Layer[] = [];
  if (config.hiddenUnits > 0) {
    layers.push(
      tf.layers.dense({
        inputShape: [dim],
        units: config.hiddenUnits,
        activation: 'relu',
        kernelInitializer: init(0),
        kernelRegularizer: reg,
      }),
    );
  }
  layers.push(
    tf.layers.dense({
      ...(layers.length === 0 ? { inputShape: [dim] } : {}),
      units: classes,
      activation: 'softmax',
      kernelInitializer: init(1),
      kernelRegularizer: reg,
    }),
  );
  const model = tf.sequential({ layers });
  model.compile({ optimizer: tf.train.adam(config.learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** Throws SampleSetError / ClassifierConfigError before building anything. */
export async function trainHead(
  samples: readonly ClassSample[],
  input: Partial<ClassifierConfig> = {},
  options: TrainHeadOptions = {},
): Promise<TrainedHead> {
  const config = validateClassifierConfig(input);
  const { classNames, dim } = checkSamples(samples, config.minSamplesPerClass);
  const t0 = globalThis.performance.now();
  const flat = new Float32Array(samples.length * dim);
  samples.forEach((s, i) => flat.set(s.embedding, i * dim));
  const xs = tf.tensor2d(flat, [samples.length, dim]);
  const ys = tf.tidy(() =>
    tf
      .oneHot(
        tf.tensor1d(
          samples.map((s) => classNames.indexOf(s.className)),
          'int32',
        ),
        classNames.length,
      )
      .toFloat(),
  );
  const model = buildHead(dim, classNames.length, config);
  const history: HeadEpoch[] = [];
  try {
    await model.fit(xs, ys, {
      epochs: config.epochs,
      batchSize: config.batchSize,
      shuffle: true,
      verbose: 0,
      callbacks: {
        onEpochEnd: async (epoch, logs) => {
          const e = { epoch, epochs: config.epochs, loss: logs?.loss ?? NaN, accuracy: logs?.acc ?? logs?.accuracy ?? NaN };
          history.push(e);
          options.onEpoch?.(e);
          if (options.signal?.aborted) model.stopTraining = true;
        },
      },
    });
    if (options.signal?.aborted) throw new TrainingAbortedError(history.length);
    const last = history[history.length - 1];
    if (!Number.isFinite(last?.loss))
      throw new Error(`training diverged (loss ${last?.loss}); lower the learning rate (now ${config.learningRate})`);
    return { model, classNames, dim, history, ms: globalThis.performance.now() - t0 };
  } catch (e) {
    disposeModel(model);
    throw e;
  } finally {
    xs.dispose();
    ys.dispose();
  }
}
