import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCallbackSettings, describeCallbackStop, makeCallbacks } from '../../src/core/training/callbackSettings.ts';
import { make2dDataset } from '../../src/core/training/datasets2d.ts';
import { disposeModel } from '../../src/core/training/disposeModel.ts';
import { LrSchedule, validateLrSchedule } from '../../src/core/training/lrSchedule.ts';
import { validateMlpConfig, type MlpConfig } from '../../src/core/training/mlpConfig.ts';
import { buildMlp } from '../../src/core/training/mlpModel.ts';
import { MlpSession } from '../../src/core/training/mlpSession.ts';
import { ModelCheckpoint } from '../../src/core/training/modelCheckpoint.ts';
import { mlpTrialEvaluator, runRandomSearch } from '../../src/core/training/randomSearch.ts';
import { bestEpochIndex, meanEpochMs, runsCsv } from '../../src/core/training/runHistory.ts';
import { StopAtMetric } from '../../src/core/training/stopAtMetric.ts';
import { trainMlp } from '../../src/core/training/trainMlp.ts';
import type { EpochLogs } from '../../src/core/training/trainTypes.ts';
import { gridTrials, searchTrials } from '../../src/core/training/tunerConfig.ts';
import { unitsIdentical } from '../../src/core/training/weightInit.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

const xor = make2dDataset({ kind: 'xor', n: 120, noise: 0.05, classes: 2, seed: 1 });
const train = { x: xor.x.slice(0, 96), y: xor.y.slice(0, 96) };
const val = { x: xor.x.slice(96), y: xor.y.slice(96) };
const base: Partial<MlpConfig> = { outputActivation: 'softmax', outputSize: 2, hiddenLayers: [6, 6], epochs: 6, batchSize: 32 };

beforeAll(async () => {
  await useTrainingBackend();
});

describe('weight initialisation', () => {
  it('zeros leaves every hidden unit identical after training; Glorot and He break the symmetry', async () => {
    const identical: Record<string, boolean[]> = {};
    for (const kernelInit of ['zeros', 'glorot', 'he'] as const) {
      const s = new MlpSession();
      s.build(validateMlpConfig({ ...base, hiddenActivation: 'sigmoid', kernelInit }));
      await s.fit(train, val);
      const w = await s.weights();
      identical[kernelInit] = w.slice(0, 2).map((l) => unitsIdentical(l.kernel, l.bias));
      // zeros: still identical but it did learn something (weights moved off zero)
      if (kernelInit === 'zeros') expect(Math.abs(w[1].kernel[0][0])).toBeGreaterThan(0);
      s.dispose();
    }
    expect(identical).toEqual({ zeros: [true, true], glorot: [false, false], he: [false, false] });
    expect(() => validateMlpConfig({ kernelInit: 'ones' as never })).toThrow(/kernelInit is "ones"; allowed: glorot, he, zeros/);
  });
});

describe('custom callbacks', () => {
  it('StopAtMetric stops at the first epoch reaching the target', () => {
    const cb = new StopAtMetric({ monitor: 'val_accuracy', target: 0.9 });
    const logs = (epoch: number, acc: number): EpochLogs => ({ epoch, loss: 1, ms: 1, val_accuracy: acc });
    expect([cb.onEpochEnd(logs(0, 0.5)), cb.onEpochEnd(logs(1, 0.91))]).toEqual([false, true]);
    expect(cb.reachedEpoch).toBe(1);
    expect(new StopAtMetric({ monitor: 'loss', target: 0.5 }).onEpochEnd({ epoch: 0, loss: 0.4, ms: 1 })).toBe(true);
    expect(() => new StopAtMetric({ monitor: 'val_loss', target: NaN })).toThrow(/target is NaN/);
  });

  it('step, exponential and reduce-on-plateau schedules set the rate each epoch records', async () => {
    const rates = async (schedule: Parameters<typeof validateLrSchedule>[0], epochs: number): Promise<number[]> => {
      const c = validateMlpConfig({ ...base, epochs, learningRate: 0.1 });
      const model = buildMlp(c);
      try {
        const r = await trainMlp(model, c, train, val, { callbacks: [new LrSchedule(schedule)] });
        return r.history.map((e) => Number(e.lr?.toPrecision(6)));
      } finally {
        disposeModel(model);
      }
    };
    expect(await rates({ kind: 'step', every: 2, factor: 0.5 }, 5)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    expect(await rates({ kind: 'exponential', factor: 0.5 }, 3)).toEqual([0.1, 0.05, 0.025]);
    // plateau: feed the callback losses directly so the pattern is exact
    const p = new LrSchedule({ kind: 'plateau', monitor: 'val_loss', patience: 1, factor: 0.1, minLr: 0.002 });
    const c = validateMlpConfig({ ...base, learningRate: 0.1 });
    const model = buildMlp(c);
    try {
      p.onTrainBegin(model);
      const seen = [1, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99].map((v, epoch) => {
        p.onEpochEnd({ epoch, loss: v, val_loss: v, ms: 1 }, model);
        return Number((model.optimizer as unknown as { learningRate: number }).learningRate.toPrecision(6));
      });
      expect(seen).toEqual([0.1, 0.1, 0.1, 0.01, 0.01, 0.002, 0.002]);
    } finally {
      disposeModel(model);
    }
    expect(() => validateLrSchedule({ kind: 'step', factor: 1.5 })).toThrow(/factor is 1.5; allowed: 0 < factor < 1/);
  });

  it('makeCallbacks wires EarlyStopping and stop-at into a run and says why it stopped, without leaking', async () => {
    const settings = defaultCallbackSettings({ enabled: true, monitor: 'val_loss', patience: 1, minDelta: 10 });
    const c = validateMlpConfig({ ...base, epochs: 20 });
    let why = '';
    const leaked = await leakedTensors(async () => {
      const model = buildMlp(c);
      const cbs = makeCallbacks(settings);
      const r = await trainMlp(model, c, train, val, { callbacks: cbs.callbacks });
      expect([r.stopReason, r.history.length]).toEqual(['callback', 2]);
      why = describeCallbackStop(cbs);
      disposeModel(model);
    });
    expect(leaked).toBe(0);
    expect(why).toMatch(/EarlyStopping: no val_loss improvement for 1 epoch/);
    const stop = makeCallbacks({ ...defaultCallbackSettings(), stopAt: { enabled: true, monitor: 'loss', target: 100 } });
    expect(stop.callbacks).toHaveLength(1);
  });

  it('ModelCheckpoint saves every N-th epoch when not best-only', async () => {
    const saves: number[] = [];
    const ck = new ModelCheckpoint({
      target: tf.io.withSaveHandler(async () => ({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })),
      saveBestOnly: false,
      everyEpochs: 2,
    });
    const c = validateMlpConfig({ ...base, epochs: 5 });
    const model = buildMlp(c);
    try {
      await trainMlp(model, c, train, val, { callbacks: [ck, { onEpochEnd: (l) => void saves.push(l.epoch) }] });
    } finally {
      disposeModel(model);
    }
    expect(saves).toHaveLength(5);
    expect(ck.savedEpochs).toEqual([1, 3]);
    expect(() => new ModelCheckpoint({ target: 'x', everyEpochs: 0 })).toThrow(/everyEpochs is 0/);
  });
});

describe('run history', () => {
  const h: EpochLogs[] = [
    { epoch: 0, loss: 1, val_loss: 0.9, val_accuracy: 0.5, ms: 10, lr: 0.1 },
    { epoch: 1, loss: 0.5, val_loss: 0.6, val_accuracy: 0.7, ms: 20, lr: 0.1 },
    { epoch: 2, loss: 0.4, val_loss: 0.7, val_accuracy: 0.7, ms: 30, lr: 0.05 },
  ];
  it('marks the best epoch per monitor and exports every run as CSV', () => {
    expect([bestEpochIndex(h, 'val_loss'), bestEpochIndex(h, 'val_accuracy'), bestEpochIndex(h, 'accuracy')]).toEqual([1, 1, -1]);
    expect(meanEpochMs(h)).toBe(20);
    const csv = runsCsv([
      { id: 1, label: 'glorot, lr 0.1', history: h },
      { id: 2, label: 'zeros', history: h.slice(0, 1) },
    ]).split('\n');
    expect(csv[0]).toBe('run,label,epoch,loss,accuracy,val_loss,val_accuracy,lr,ms');
    expect(csv[1]).toBe('1,"glorot, lr 0.1",1,1,,0.9,0.5,0.1,10');
    expect(csv).toHaveLength(1 + 4 + 1);
  });
});

describe('grid search', () => {
  const space = {
    layers: [1, 2] as [number, number],
    units: [4, 8] as [number, number],
    learningRate: [0.01, 0.1] as [number, number],
    batchSizes: [16],
    activations: ['tanh' as const],
  };
  it('enumerates every combination in a fixed order, capped by maxTrials', () => {
    const g = gridTrials({ space, gridSteps: 2, strategy: 'grid' });
    expect(g).toHaveLength(2 * 2 * 2);
    expect(g.map((t) => t.hiddenLayers.join('-'))).toEqual(['4', '4', '8', '8', '4-4', '4-4', '8-8', '8-8']);
    expect(g.slice(0, 2).map((t) => Number(t.learningRate.toPrecision(3)))).toEqual([0.01, 0.1]);
    expect(searchTrials({ space, gridSteps: 2, strategy: 'grid', maxTrials: 3 })).toEqual(g.slice(0, 3));
    expect(() => gridTrials({ gridSteps: 0 })).toThrow(/gridSteps is 0/);
  });

  it('runs a grid search with per-trial EarlyStopping, scored on the restored best weights, without leaking', async () => {
    const settings = defaultCallbackSettings({ enabled: true, monitor: 'val_loss', patience: 1 });
    const evaluator = mlpTrialEvaluator({ ...base, epochs: 8, seed: 3 }, train, val, () => makeCallbacks(settings).callbacks);
    let r: Awaited<ReturnType<typeof runRandomSearch>> | null = null;
    const leaked = await leakedTensors(async () => {
      r = await runRandomSearch({ space, strategy: 'grid', gridSteps: 2, maxTrials: 3, objective: 'val_loss' }, evaluator);
    });
    expect(leaked).toBe(0);
    const got = r as unknown as Awaited<ReturnType<typeof runRandomSearch>>;
    expect(got.trials.map((t) => t.params)).toEqual(gridTrials({ space, gridSteps: 2 }).slice(0, 3));
    expect(got.trials.every((t) => Number.isFinite(t.val_loss) && (t.epochs ?? 0) >= 1 && (t.epochs ?? 0) <= 8)).toBe(true);
  });
});
