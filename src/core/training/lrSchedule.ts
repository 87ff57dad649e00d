/**
 * Learning-rate schedules as a callback, set on the live optimizer after each
 * epoch (the rate each epoch used is in its logs as `lr`):
 * - step: lr0 · factor^⌊(epoch+1)/every⌋ (Keras' StepDecay recipe);
 * - exponential: lr0 · factor^(epoch+1) (tf.keras ExponentialDecay per epoch);
 * - plateau: multiply by `factor` after `patience` epochs without improvement
 *   in `monitor`, never below `minLr` (Keras ReduceLROnPlateau).
 */
import type * as tf from '@tensorflow/tfjs';
import { getLearningRate, setLearningRate } from './optimizers.ts';
import { isImprovement, monitorMode, MONITORS, readMonitor, type EpochLogs, type Monitor, type TrainCallback } from './trainTypes.ts';

export const LR_SCHEDULES = ['none', 'step', 'exponential', 'plateau'] as const;
export type LrScheduleKind = (typeof LR_SCHEDULES)[number];

export interface LrScheduleConfig {
  kind: LrScheduleKind;
  /** Multiplier per step / per epoch / per plateau, 0 < factor < 1. */
  factor: number;
  /** step: epochs per step. */
  every: number;
  /** plateau: epochs without improvement before reducing. */
  patience: number;
  monitor: Monitor;
  minLr: number;
}

export const DEFAULT_LR_SCHEDULE: Readonly<LrScheduleConfig> = {
  kind: 'none',
  factor: 0.5,
  every: 2,
  patience: 1,
  monitor: 'val_loss',
  minLr: 1e-6,
};

export function validateLrSchedule(input: Partial<LrScheduleConfig> = {}): LrScheduleConfig {
  const c = { ...DEFAULT_LR_SCHEDULE, ...input };
  if (!LR_SCHEDULES.includes(c.kind)) throw new Error(`LR schedule is ${JSON.stringify(c.kind)}; allowed: ${LR_SCHEDULES.join(', ')}`);
  if (!(c.factor > 0 && c.factor < 1)) throw new Error(`LR schedule factor is ${c.factor}; allowed: 0 < factor < 1`);
  if (!Number.isInteger(c.every) || c.every < 1 || c.every > 1000)
    throw new Error(`LR schedule step is ${c.every}; allowed: integer 1..1000`);
  if (!Number.isInteger(c.patience) || c.patience < 0 || c.patience > 1000)
    throw new Error(`LR schedule patience is ${c.patience}; allowed: integer 0..1000`);
  if (!MONITORS.includes(c.monitor))
    throw new Error(`LR schedule monitor is ${JSON.stringify(c.monitor)}; allowed: ${MONITORS.join(', ')}`);
  if (!(c.minLr >= 0)) throw new Error(`LR schedule minLr is ${c.minLr}; allowed: >= 0`);
  return c;
}

export class LrSchedule implements TrainCallback {
  readonly config: LrScheduleConfig;
  #lr0 = NaN;
  #best = NaN;
  #wait = 0;

  constructor(config: Partial<LrScheduleConfig> = {}) {
    this.config = validateLrSchedule(config);
  }

  onTrainBegin(model: tf.LayersModel): void {
    this.#lr0 = getLearningRate(model.optimizer);
    this.#best = monitorMode(this.config.monitor) === 'min' ? Infinity : -Infinity;
    this.#wait = 0;
  }

  /** The rate for the epoch after `logs.epoch` (pure in the logs seen so far). */
  next(logs: EpochLogs, current: number): number {
    const c = this.config;
    const done = logs.epoch + 1;
    switch (c.kind) {
      case 'none':
        return current;
      case 'step':
        return this.#lr0 * c.factor ** Math.floor(done / c.every);
      case 'exponential':
        return this.#lr0 * c.factor ** done;
      case 'plateau': {
        const v = readMonitor(logs, c.monitor);
        if (isImprovement(c.monitor, v, this.#best, 0)) {
          this.#best = v;
          this.#wait = 0;
          return current;
        }
        if (++this.#wait <= c.patience) return current;
        this.#wait = 0;
        return Math.max(c.minLr, current * c.factor);
      }
    }
  }

  onEpochEnd(logs: EpochLogs, model: tf.LayersModel): boolean {
    setLearningRate(model.optimizer, this.next(logs, getLearningRate(model.optimizer)));
    return false;
  }
}
