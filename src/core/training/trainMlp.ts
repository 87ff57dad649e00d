/** Plain-array convenience around trainModel for the MLP panel and tests. */
import * as tf from '@tensorflow/tfjs';
import { validateMlpConfig, type MlpConfig } from './mlpConfig.ts';
import { mlpTensors } from './mlpModel.ts';
import { trainModel } from './trainer.ts';
import type { EpochLogs, TrainCallback, TrainResult } from './trainTypes.ts';

export interface ArraySet {
  x: number[][];
  /** Class indices (classifiers) or target values (regression). */
  y: (number | number[])[];
}

export interface MlpTrainHooks {
  signal?: AbortSignal;
  onEpochEnd?: (logs: EpochLogs) => void;
  onBatchEnd?: (batch: number, loss: number) => void;
  callbacks?: TrainCallback[];
  initialEpoch?: number;
}

/** Trains a compiled MLP (see buildMlp) in place; all tensors it makes are disposed. */
export async function trainMlp(
  model: tf.LayersModel,
  config: Partial<MlpConfig>,
  train: ArraySet,
  val?: ArraySet,
  hooks: MlpTrainHooks = {},
): Promise<TrainResult> {
  const c = validateMlpConfig(config);
  const t = mlpTensors(c, train.x, train.y);
  const v = val ? mlpTensors(c, val.x, val.y) : undefined;
  const reporter: TrainCallback = { onEpochEnd: (logs) => hooks.onEpochEnd?.(logs), onBatchEnd: (b, l) => hooks.onBatchEnd?.(b, l) };
  try {
    return await trainModel(
      model,
      { x: t.x, y: t.y, xVal: v?.x, yVal: v?.y },
      {
        epochs: c.epochs,
        batchSize: c.batchSize,
        seed: c.seed,
        signal: hooks.signal,
        initialEpoch: hooks.initialEpoch,
        learningRate: c.learningRate,
        callbacks: [reporter, ...(hooks.callbacks ?? [])],
        yieldEvery: 4,
      },
    );
  } finally {
    tf.dispose([t.x, t.y, v?.x, v?.y].filter((z): z is tf.Tensor2D => z !== undefined));
  }
}

/** Predictions for plain inputs (e.g. a decision-boundary grid), as arrays; the main output's when there are several. */
export async function predictMlp(model: tf.LayersModel, x: readonly number[][]): Promise<number[][]> {
  const xs = tf.tensor2d(x as number[][]);
  const out = model.predict(xs) as tf.Tensor2D | tf.Tensor2D[];
  try {
    return (await (Array.isArray(out) ? out[0] : out).array()) as number[][];
  } finally {
    tf.dispose([xs, out].flat());
  }
}

/** Argmax (softmax) or > 0.5 (sigmoid) accuracy against class indices. */
export function classAccuracy(pred: readonly number[][], y: readonly number[]): number {
  let ok = 0;
  pred.forEach((p, i) => {
    const cls = p.length === 1 ? (p[0] > 0.5 ? 1 : 0) : p.indexOf(Math.max(...p));
    if (cls === y[i]) ok++;
  });
  return ok / y.length;
}
