/**
 * The one training loop used by the MLP, LeNet and the tuner: seeded batch
 * shuffling, a yield between batches, AbortSignal, Keras-style callbacks,
 * validation each epoch and a NaN guard that restores the last good weights.
 * The model must already be compiled (loss, optimizer, optional accuracy).
 */
import * as tf from '@tensorflow/tfjs';
import { getLearningRate } from './optimizers.ts';
import { mulberry32, permutation } from './rng.ts';
import type { EpochLogs, TrainCallback, TrainResult } from './trainTypes.ts';
import { disposeWeights, restoreWeights, snapshotWeights } from './weightSnapshot.ts';
import { yieldFrame } from './yieldFrame.ts';

export interface TrainData {
  x: tf.Tensor;
  y: tf.Tensor;
  xVal?: tf.Tensor;
  yVal?: tf.Tensor;
}

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  /** Resume point (epochs already done). Default 0. */
  initialEpoch?: number;
  /** Seeds the per-epoch shuffle (epoch e uses seed + e), so resuming is reproducible. */
  seed?: number;
  signal?: AbortSignal;
  callbacks?: TrainCallback[];
  /** Yield to the event loop every N batches. Default 1. */
  yieldEvery?: number;
  /** Learning rate, only used to word the NaN message. */
  learningRate?: number;
  /** Per-batch input augmentation (e.g. `randomShift`); returns a new tensor the trainer disposes. */
  augment?: (x: tf.Tensor4D) => tf.Tensor4D;
}

interface BatchStats {
  loss: number;
  accuracy?: number;
}

/**
 * Loss and (main-output) accuracy from a list of values aligned with
 * `model.metricsNames` (total loss first). tf.js 4.22's `evaluate` on a
 * model with n outputs prefixes n − 1 running loss sums, so the list is
 * aligned from its end.
 */
function statsOf(model: tf.LayersModel, values: readonly number[]): BatchStats {
  const names = model.metricsNames;
  const offset = values.length - names.length;
  const main = model.outputNames[0];
  const acc = names.findIndex((n, i) => i > 0 && (n === 'acc' || n === 'accuracy' || n === `${main}_acc` || n === `${main}_accuracy`));
  return { loss: values[offset], accuracy: acc > 0 ? values[offset + acc] : undefined };
}

/** The target for every output (an auxiliary head learns the same target as the main one). */
const targets = (model: tf.LayersModel, y: tf.Tensor): tf.Tensor | tf.Tensor[] =>
  model.outputs.length > 1 ? model.outputs.map(() => y) : y;

async function runBatch(model: tf.LayersModel, d: TrainData, idx: number[], augment?: TrainOptions['augment']): Promise<BatchStats> {
  const [xb, yb] = tf.tidy(() => {
    const i = tf.tensor1d(idx, 'int32');
    const x = tf.gather(d.x, i);
    return [augment ? augment(x as tf.Tensor4D) : x, tf.gather(d.y, i)];
  });
  try {
    const out = await model.trainOnBatch(xb, targets(model, yb));
    return statsOf(model, Array.isArray(out) ? out : [out]);
  } finally {
    tf.dispose([xb, yb]);
  }
}

/** model.evaluate → { loss, accuracy? } as numbers; disposes the result scalars. */
export async function evaluateModel(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, batchSize = 256): Promise<BatchStats> {
  const out = model.evaluate(x, targets(model, y), { batchSize });
  const list = Array.isArray(out) ? out : [out];
  try {
    return statsOf(model, await Promise.all(list.map(async (t) => (await t.data())[0])));
  } finally {
    tf.dispose(list);
  }
}

function nanMessage(epoch: number, batch: number, lr: number | undefined): string {
  const rate = lr === undefined ? 'the learning rate' : `learning rate ${lr}`;
  return `Loss became NaN/Infinity at epoch ${epoch + 1}, batch ${batch + 1} with ${rate}; training stopped and the weights from the last good epoch were restored. Lower the learning rate.`;
}

type EpochOutcome = { logs: EpochLogs } | { stop: 'aborted' | 'nan'; message: string };

async function runEpoch(model: tf.LayersModel, d: TrainData, o: TrainOptions, epoch: number): Promise<EpochOutcome> {
  const t0 = performance.now();
  const lr = getLearningRate(model.optimizer);
  const n = d.x.shape[0];
  const order = permutation(mulberry32((o.seed ?? 0) + epoch), n);
  let loss = 0;
  let acc = 0;
  let hasAccuracy = false;
  for (let b = 0, start = 0; start < n; b++, start += o.batchSize) {
    if (o.signal?.aborted) return { stop: 'aborted', message: `stopped by the user during epoch ${epoch + 1}` };
    const idx = order.slice(start, start + o.batchSize);
    const s = await runBatch(model, d, idx, o.augment);
    if (!Number.isFinite(s.loss)) return { stop: 'nan', message: nanMessage(epoch, b, o.learningRate) };
    loss += s.loss * idx.length;
    acc += (s.accuracy ?? 0) * idx.length;
    hasAccuracy = s.accuracy !== undefined;
    for (const cb of o.callbacks ?? []) cb.onBatchEnd?.(b, s.loss);
    if (b % (o.yieldEvery ?? 1) === 0) await yieldFrame();
  }
  const logs: EpochLogs = { epoch, loss: loss / n, ms: 0, lr };
  if (hasAccuracy) logs.accuracy = acc / n;
  if (d.xVal && d.yVal) {
    const v = await evaluateModel(model, d.xVal, d.yVal);
    if (!Number.isFinite(v.loss)) return { stop: 'nan', message: nanMessage(epoch, Math.ceil(n / o.batchSize) - 1, o.learningRate) };
    logs.val_loss = v.loss;
    if (v.accuracy !== undefined) logs.val_accuracy = v.accuracy;
  }
  logs.ms = performance.now() - t0;
  return { logs };
}

export async function trainModel(model: tf.LayersModel, data: TrainData, options: TrainOptions): Promise<TrainResult> {
  const history: EpochLogs[] = [];
  const callbacks = options.callbacks ?? [];
  let good = snapshotWeights(model);
  let epoch = options.initialEpoch ?? 0;
  let result: TrainResult | null = null;
  try {
    for (const cb of callbacks) await cb.onTrainBegin?.(model);
    for (; epoch < options.epochs && !result; epoch++) {
      const out = await runEpoch(model, data, options, epoch);
      if ('stop' in out) {
        if (out.stop === 'nan') restoreWeights(model, good);
        result = { history, stopReason: out.stop, message: out.message, nextEpoch: epoch };
        break;
      }
      disposeWeights(good);
      good = snapshotWeights(model);
      history.push(out.logs);
      let stop = false;
      for (const cb of callbacks) stop = (await cb.onEpochEnd?.(out.logs, model)) === true || stop;
      if (stop)
        result = { history, stopReason: 'callback', message: `stopped by a callback after epoch ${epoch + 1}`, nextEpoch: epoch + 1 };
    }
    for (const cb of callbacks) await cb.onTrainEnd?.(model);
    return result ?? { history, stopReason: 'completed', nextEpoch: epoch };
  } finally {
    disposeWeights(good);
  }
}
