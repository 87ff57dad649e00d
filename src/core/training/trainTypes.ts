/** Shared training vocabulary (Keras names for logs and monitors). */
import type * as tf from '@tensorflow/tfjs';

export interface EpochLogs {
  /** 0-based epoch index. */
  epoch: number;
  loss: number;
  accuracy?: number;
  val_loss?: number;
  val_accuracy?: number;
  /** Wall time of the epoch including validation, ms. */
  ms: number;
  /** Learning rate the optimizer used during the epoch. */
  lr?: number;
}

export const MONITORS = ['val_loss', 'val_accuracy', 'loss', 'accuracy'] as const;
export type Monitor = (typeof MONITORS)[number];

export function monitorMode(m: Monitor): 'min' | 'max' {
  return m.endsWith('loss') ? 'min' : 'max';
}

/** Throws when the monitored value is absent (e.g. val_loss without validation data). */
export function readMonitor(logs: EpochLogs, m: Monitor): number {
  const v = logs[m];
  if (v === undefined)
    throw new Error(
      `monitor "${m}" is not in the epoch logs (have: ${Object.keys(logs).join(', ')}); pass validation data or monitor another value`,
    );
  return v;
}

export function isImprovement(m: Monitor, value: number, best: number, minDelta: number): boolean {
  return monitorMode(m) === 'min' ? value < best - minDelta : value > best + minDelta;
}

/** Keras-style callback; any hook may be async. Returning true from onEpochEnd stops training. */
export interface TrainCallback {
  onTrainBegin?(model: tf.LayersModel): void | Promise<void>;
  onBatchEnd?(batch: number, loss: number): void;
  onEpochEnd?(logs: EpochLogs, model: tf.LayersModel): boolean | void | Promise<boolean | void>;
  onTrainEnd?(model: tf.LayersModel): void | Promise<void>;
}

export type StopReason = 'completed' | 'aborted' | 'callback' | 'nan';

export interface TrainResult {
  history: EpochLogs[];
  stopReason: StopReason;
  /** Human-readable reason for non-'completed' stops. */
  message?: string;
  /** Pass as `initialEpoch` to resume. */
  nextEpoch: number;
}
