/**
 * Hyper-parameter search (random or grid, see tunerConfig): runs the trials
 * one by one through a caller-supplied evaluator, streams each result and
 * keeps the best one.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeModel } from './disposeModel.ts';
import { buildMlp, mlpTensors } from './mlpModel.ts';
import { evaluateModel } from './trainer.ts';
import { validateMlpConfig, type MlpConfig } from './mlpConfig.ts';
import { trainMlp, type ArraySet } from './trainMlp.ts';
import { searchTrials, validateTunerConfig, type Objective, type TrialParams, type TunerConfig } from './tunerConfig.ts';
import type { StopReason, TrainCallback } from './trainTypes.ts';

export interface TrialMetrics {
  val_loss: number;
  val_accuracy?: number;
  stopReason?: StopReason;
  /** Epochs the trial trained (fewer than asked when a callback stopped it). */
  epochs?: number;
}

export interface TrialResult extends TrialMetrics {
  index: number;
  params: TrialParams;
  /** The objective's value; NaN-diverged trials get the worst score. */
  score: number;
}

export type TrialEvaluator = (params: TrialParams, index: number, signal?: AbortSignal) => Promise<TrialMetrics>;

function scoreOf(m: TrialMetrics, objective: Objective): number {
  const v = objective === 'val_loss' ? m.val_loss : m.val_accuracy;
  if (v === undefined) throw new Error(`tuner objective ${objective} missing from trial metrics; use val_loss for regression`);
  if (!Number.isFinite(v)) return objective === 'val_loss' ? Infinity : 0;
  return v;
}

export function bestTrial(trials: readonly TrialResult[], objective: Objective): TrialResult | null {
  let best: TrialResult | null = null;
  for (const t of trials) {
    if (!best || (objective === 'val_loss' ? t.score < best.score : t.score > best.score)) best = t;
  }
  return best;
}

export async function runRandomSearch(
  config: Partial<TunerConfig>,
  evaluate: TrialEvaluator,
  hooks: { onTrial?: (r: TrialResult, best: TrialResult) => void; signal?: AbortSignal } = {},
): Promise<{ trials: TrialResult[]; best: TrialResult | null }> {
  const c = validateTunerConfig(config);
  const trials: TrialResult[] = [];
  for (const [index, params] of searchTrials(c).entries()) {
    if (hooks.signal?.aborted) break;
    const m = await evaluate(params, index, hooks.signal);
    const r: TrialResult = { ...m, index, params, score: scoreOf(m, c.objective) };
    trials.push(r);
    hooks.onTrial?.(r, bestTrial(trials, c.objective) as TrialResult);
  }
  return { trials, best: bestTrial(trials, c.objective) };
}

/**
 * Evaluator that trains a fresh MLP per trial on plain arrays and disposes it.
 * `callbacks` makes fresh callbacks per trial (e.g. EarlyStopping with restored
 * best weights, so the trial is scored on its best epoch).
 */
export function mlpTrialEvaluator(
  base: Partial<MlpConfig>,
  train: ArraySet,
  val: ArraySet,
  callbacks: () => TrainCallback[] = () => [],
): TrialEvaluator {
  return async (p, index, signal) => {
    const c = validateMlpConfig({
      ...base,
      hiddenLayers: p.hiddenLayers,
      learningRate: p.learningRate,
      batchSize: p.batchSize,
      hiddenActivation: p.activation,
      seed: (base.seed ?? 0) + index,
    });
    const model: tf.LayersModel = buildMlp(c);
    try {
      const r = await trainMlp(model, c, train, val, { signal, callbacks: callbacks() });
      if (r.stopReason === 'nan' || r.history.length === 0) return { val_loss: NaN, stopReason: r.stopReason };
      // Scored on the final weights (the best epoch's when EarlyStopping restored them).
      const v = mlpTensors(c, val.x, val.y);
      try {
        const m = await evaluateModel(model, v.x, v.y);
        return { val_loss: m.loss, val_accuracy: m.accuracy, stopReason: r.stopReason, epochs: r.history.length };
      } finally {
        tf.dispose([v.x, v.y]);
      }
    } finally {
      disposeModel(model);
    }
  };
}
