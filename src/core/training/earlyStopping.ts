/**
 * Keras-style EarlyStopping: stop after `patience` epochs without an
 * improvement larger than `minDelta` in `monitor`. With restoreBestWeights
 * the best epoch's weights are put back when training ends (however it ends,
 * not only on an early stop: the UI always wants the best model).
 */
import type * as tf from '@tensorflow/tfjs';
import { isImprovement, monitorMode, MONITORS, readMonitor, type EpochLogs, type Monitor, type TrainCallback } from './trainTypes.ts';
import { disposeWeights, restoreWeights, snapshotWeights } from './weightSnapshot.ts';

export interface EarlyStoppingConfig {
  monitor: Monitor;
  patience: number;
  minDelta: number;
  restoreBestWeights: boolean;
}

export const DEFAULT_EARLY_STOPPING: Readonly<EarlyStoppingConfig> = {
  monitor: 'val_loss',
  patience: 3,
  minDelta: 0,
  restoreBestWeights: true,
};

export function validateEarlyStopping(input: Partial<EarlyStoppingConfig> = {}): EarlyStoppingConfig {
  const c = { ...DEFAULT_EARLY_STOPPING, ...input };
  if (!MONITORS.includes(c.monitor))
    throw new Error(`early stopping monitor is ${JSON.stringify(c.monitor)}; allowed: ${MONITORS.join(', ')}`);
  if (!Number.isInteger(c.patience) || c.patience < 0 || c.patience > 1000)
    throw new Error(`early stopping patience is ${c.patience}; allowed: integer 0..1000`);
  if (!(c.minDelta >= 0)) throw new Error(`early stopping minDelta is ${c.minDelta}; allowed: >= 0`);
  return c;
}

export class EarlyStopping implements TrainCallback {
  readonly config: EarlyStoppingConfig;
  best = NaN;
  bestEpoch = -1;
  wait = 0;
  stoppedEpoch = -1;
  #bestWeights: tf.Tensor[] | null = null;

  constructor(config: Partial<EarlyStoppingConfig> = {}) {
    this.config = validateEarlyStopping(config);
  }

  onTrainBegin(): void {
    this.best = monitorMode(this.config.monitor) === 'min' ? Infinity : -Infinity;
    this.bestEpoch = -1;
    this.wait = 0;
    this.stoppedEpoch = -1;
  }

  onEpochEnd(logs: EpochLogs, model: tf.LayersModel): boolean {
    const value = readMonitor(logs, this.config.monitor);
    if (isImprovement(this.config.monitor, value, this.best, this.config.minDelta)) {
      this.best = value;
      this.bestEpoch = logs.epoch;
      this.wait = 0;
      if (this.config.restoreBestWeights) {
        disposeWeights(this.#bestWeights);
        this.#bestWeights = snapshotWeights(model);
      }
      return false;
    }
    this.wait++;
    if (this.wait < this.config.patience) return false;
    this.stoppedEpoch = logs.epoch;
    return true;
  }

  onTrainEnd(model: tf.LayersModel): void {
    if (this.#bestWeights) restoreWeights(model, this.#bestWeights);
    disposeWeights(this.#bestWeights);
    this.#bestWeights = null;
  }
}
