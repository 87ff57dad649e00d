/**
 * The callbacks a panel offers, as one plain settings object the MLP, LeNet
 * and tuner panels share: EarlyStopping, a "stop when a metric reaches x"
 * rule and a learning-rate schedule. `makeCallbacks` validates it and builds
 * fresh callback instances for one run.
 */
import { EarlyStopping, validateEarlyStopping, type EarlyStoppingConfig } from './earlyStopping.ts';
import { LrSchedule, validateLrSchedule, type LrScheduleConfig } from './lrSchedule.ts';
import { StopAtMetric, type StopAtMetricConfig } from './stopAtMetric.ts';
import type { TrainCallback } from './trainTypes.ts';

export interface CallbackSettings {
  early: EarlyStoppingConfig & { enabled: boolean };
  stopAt: StopAtMetricConfig & { enabled: boolean };
  schedule: LrScheduleConfig;
}

export function defaultCallbackSettings(early: Partial<EarlyStoppingConfig> & { enabled?: boolean } = {}): CallbackSettings {
  return {
    early: { enabled: early.enabled ?? false, ...validateEarlyStopping(early) },
    stopAt: { enabled: false, monitor: 'val_accuracy', target: 0.95 },
    schedule: validateLrSchedule(),
  };
}

export interface RunCallbacks {
  callbacks: TrainCallback[];
  early: EarlyStopping | null;
  stopAt: StopAtMetric | null;
}

/** Throws naming the bad value. */
export function makeCallbacks(s: CallbackSettings): RunCallbacks {
  const { enabled: earlyOn, ...early } = s.early;
  const { enabled: stopOn, ...stopAt } = s.stopAt;
  const r: RunCallbacks = {
    callbacks: [],
    early: earlyOn ? new EarlyStopping(early) : null,
    stopAt: stopOn ? new StopAtMetric(stopAt) : null,
  };
  if (s.schedule.kind !== 'none') r.callbacks.push(new LrSchedule(s.schedule));
  if (r.early) r.callbacks.push(r.early);
  if (r.stopAt) r.callbacks.push(r.stopAt);
  return r;
}

/** One line on why a run ended early, for the panels' status text ('' when nothing fired). */
export function describeCallbackStop(r: RunCallbacks): string {
  if (r.stopAt && r.stopAt.reachedEpoch >= 0)
    return `${r.stopAt.config.monitor} reached ${r.stopAt.config.target} at epoch ${r.stopAt.reachedEpoch + 1}`;
  if (r.early && r.early.stoppedEpoch >= 0)
    return `EarlyStopping: no ${r.early.config.monitor} improvement for ${r.early.config.patience} epoch(s)`;
  return '';
}
