/**
 * Keras-style ModelCheckpoint: saves the model through a tf.io URL
 * (e.g. 'indexeddb://lenet-best') or IOHandler whenever `monitor` improves
 * (saveBestOnly) or after every N-th epoch.
 */
import type * as tf from '@tensorflow/tfjs';
import { isImprovement, monitorMode, MONITORS, readMonitor, type EpochLogs, type Monitor, type TrainCallback } from './trainTypes.ts';

export interface ModelCheckpointConfig {
  target: string | tf.io.IOHandler;
  monitor: Monitor;
  saveBestOnly: boolean;
  /** Without saveBestOnly: save after every N-th epoch (1 = each epoch). */
  everyEpochs: number;
}

export class ModelCheckpoint implements TrainCallback {
  readonly config: ModelCheckpointConfig;
  best: number;
  /** Epochs (0-based) at which a save happened. */
  readonly savedEpochs: number[] = [];

  constructor(config: Partial<ModelCheckpointConfig> & Pick<ModelCheckpointConfig, 'target'>) {
    this.config = { monitor: 'val_loss', saveBestOnly: true, everyEpochs: 1, ...config };
    const n = this.config.everyEpochs;
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`checkpoint everyEpochs is ${n}; allowed: integer 1..1000`);
    if (!MONITORS.includes(this.config.monitor))
      throw new Error(`checkpoint monitor is ${JSON.stringify(this.config.monitor)}; allowed: ${MONITORS.join(', ')}`);
    this.best = monitorMode(this.config.monitor) === 'min' ? Infinity : -Infinity;
  }

  async onEpochEnd(logs: EpochLogs, model: tf.LayersModel): Promise<boolean> {
    if (!this.config.saveBestOnly) {
      if ((logs.epoch + 1) % this.config.everyEpochs !== 0) return false;
    } else {
      const value = readMonitor(logs, this.config.monitor);
      if (!isImprovement(this.config.monitor, value, this.best, 0)) return false;
      this.best = value;
    }
    await model.save(this.config.target);
    this.savedEpochs.push(logs.epoch);
    return false;
  }
}
