/**
 * Trains one zoo model on MNIST tensors and measures what the note's "choose
 * by accuracy, size and speed" needs: parameters, validation accuracy, time
 * per epoch, inference time per digit and saved size. Every step yields to
 * the event loop (batches, chunked validation, one digit at a time), so the
 * page stays responsive while it runs on the main thread.
 */
import * as tf from '@tensorflow/tfjs';

import { disposeModel } from './disposeModel.ts';
import { saveToArtifacts } from './modelIO.ts';
import { makeOptimizer } from './optimizers.ts';
import { crossEntropyTf } from './tfLosses.ts';
import { trainModel } from './trainer.ts';
import type { EpochLogs, StopReason } from './trainTypes.ts';
import { yieldFrame } from './yieldFrame.ts';
import { buildZooModel, ZOO_PRESETS, type ZooPreset } from './zooModels.ts';

export interface ZooRunConfig {
  preset: ZooPreset;
  epochs: number;
  batchSize: number;
  /** Residual preset: keep the skip connection. */
  skip: boolean;
  learningRate: number;
  seed: number;
}

export const DEFAULT_ZOO_RUN: Readonly<Omit<ZooRunConfig, 'preset'>> = {
  epochs: 2,
  batchSize: 32,
  skip: true,
  learningRate: 0.001,
  seed: 1,
};
/** Digits timed one at a time for "inference ms per digit" (the median is reported). */
export const INFERENCE_SAMPLES = 20;
/** Validation batch: small, so no single predict call blocks the page for long. */
const VAL_BATCH = 32;

export function validateZooRunConfig(input: Partial<ZooRunConfig> & { preset: ZooPreset }): ZooRunConfig {
  const c = { ...DEFAULT_ZOO_RUN, ...input };
  if (!ZOO_PRESETS.includes(c.preset)) throw new Error(`preset is ${JSON.stringify(c.preset)}; allowed: ${ZOO_PRESETS.join(', ')}`);
  if (!Number.isInteger(c.epochs) || c.epochs < 1 || c.epochs > 50) throw new Error(`epochs is ${c.epochs}; allowed: integer 1..50`);
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1 || c.batchSize > 512)
    throw new Error(`batchSize is ${c.batchSize}; allowed: integer 1..512`);
  if (!(c.learningRate > 0 && c.learningRate <= 1)) throw new Error(`learningRate is ${c.learningRate}; allowed: 0 < lr <= 1`);
  return c;
}

export interface ZooResult {
  preset: ZooPreset;
  skip: boolean;
  backend: string;
  params: number;
  valAccuracy: number;
  msPerEpoch: number;
  inferenceMsPerDigit: number;
  /** model.json topology plus weight bytes. */
  savedBytes: number;
  epochs: number;
  stopReason: StopReason;
}

export interface ZooData {
  x: tf.Tensor4D;
  y: tf.Tensor2D;
  xVal: tf.Tensor4D;
  /** Validation labels (class indices). */
  valLabels: readonly number[];
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export async function savedSize(model: tf.LayersModel): Promise<number> {
  const a = await saveToArtifacts(model);
  const w = a.weightData;
  const weights = w === undefined ? 0 : Array.isArray(w) ? w.reduce((s, b) => s + b.byteLength, 0) : w.byteLength;
  return weights + JSON.stringify(a.modelTopology ?? {}).length;
}

/** Validation accuracy in small batches with a yield between them (unlike predictClasses, which never yields). */
async function accuracyOf(model: tf.LayersModel, x: tf.Tensor4D, labels: readonly number[]): Promise<number> {
  let correct = 0;
  for (let start = 0; start < x.shape[0]; start += VAL_BATCH) {
    const cls = tf.tidy(() => tf.argMax(model.predict(x.slice([start], [Math.min(VAL_BATCH, x.shape[0] - start)])) as tf.Tensor, -1));
    const got = await cls.data();
    cls.dispose();
    got.forEach((p, i) => (correct += p === labels[start + i] ? 1 : 0));
    await yieldFrame();
  }
  return correct / x.shape[0];
}

async function inferenceMs(model: tf.LayersModel, x: tf.Tensor4D): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < Math.min(INFERENCE_SAMPLES, x.shape[0]); i++) {
    const t0 = performance.now();
    const p = tf.tidy(() => model.predict(x.slice([i], [1])) as tf.Tensor);
    await p.data();
    times.push(performance.now() - t0);
    p.dispose();
    await yieldFrame();
  }
  return median(times);
}

export interface ZooRunHooks {
  signal?: AbortSignal;
  onBatchEnd?: (batch: number) => void;
  onEpochEnd?: (logs: EpochLogs) => void;
}

/** Builds, trains, measures and disposes one preset. */
export async function runZooModel(config: ZooRunConfig, data: ZooData, hooks: ZooRunHooks = {}): Promise<ZooResult> {
  const c = validateZooRunConfig(config);
  const model = buildZooModel(c.preset, { skip: c.skip, seed: c.seed });
  try {
    model.compile({ optimizer: makeOptimizer('adam', c.learningRate), loss: crossEntropyTf, metrics: ['accuracy'] });
    const r = await trainModel(
      model,
      { x: data.x, y: data.y },
      {
        epochs: c.epochs,
        batchSize: c.batchSize,
        seed: c.seed,
        signal: hooks.signal,
        learningRate: c.learningRate,
        callbacks: [{ onBatchEnd: (b) => hooks.onBatchEnd?.(b), onEpochEnd: (logs) => void hooks.onEpochEnd?.(logs) }],
      },
    );
    return {
      preset: c.preset,
      skip: c.skip,
      backend: tf.getBackend(),
      params: model.countParams(),
      valAccuracy: await accuracyOf(model, data.xVal, data.valLabels),
      msPerEpoch: r.history.length ? r.history.reduce((s, e) => s + e.ms, 0) / r.history.length : NaN,
      inferenceMsPerDigit: await inferenceMs(model, data.xVal),
      savedBytes: await savedSize(model),
      epochs: r.history.length,
      stopReason: r.stopReason,
    };
  } finally {
    disposeModel(model);
  }
}
