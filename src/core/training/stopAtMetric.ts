/**
 * A custom rule as a callback: stop as soon as `monitor` reaches `target`
 * (at or below it for losses, at or above it for accuracies).
 */
import { monitorMode, MONITORS, readMonitor, type EpochLogs, type Monitor, type TrainCallback } from './trainTypes.ts';

export interface StopAtMetricConfig {
  monitor: Monitor;
  target: number;
}

export class StopAtMetric implements TrainCallback {
  readonly config: StopAtMetricConfig;
  /** Epoch (0-based) at which the target was reached, or -1. */
  reachedEpoch = -1;

  constructor(config: StopAtMetricConfig) {
    if (!MONITORS.includes(config.monitor))
      throw new Error(`stop-at monitor is ${JSON.stringify(config.monitor)}; allowed: ${MONITORS.join(', ')}`);
    if (!Number.isFinite(config.target)) throw new Error(`stop-at target is ${config.target}; allowed: a finite number`);
    this.config = { ...config };
  }

  onTrainBegin(): void {
    this.reachedEpoch = -1;
  }

  onEpochEnd(logs: EpochLogs): boolean {
    const v = readMonitor(logs, this.config.monitor);
    const reached = monitorMode(this.config.monitor) === 'min' ? v <= this.config.target : v >= this.config.target;
    if (reached) this.reachedEpoch = logs.epoch;
    return reached;
  }
}
