import { beforeAll, describe, expect, it } from 'vitest';
import { make2dDataset } from '../../src/core/training/datasets2d.ts';
import { validateLenetConfig } from '../../src/core/training/lenetConfig.ts';
import { LenetSession } from '../../src/core/training/lenetSession.ts';
import { validateMlpConfig } from '../../src/core/training/mlpConfig.ts';
import { MlpSession } from '../../src/core/training/mlpSession.ts';
import { runPerceptronLive } from '../../src/core/training/perceptron.ts';
import { loadMnistFs } from '../../src/node/training/mnistFs.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

beforeAll(async () => {
  await useTrainingBackend();
});

describe('LenetSession (the LeNet panel without Svelte)', () => {
  it('trains, resumes from the next epoch, evaluates and gives drawing views without leaking', async () => {
    const s = new LenetSession();
    await s.load(loadMnistFs());
    expect(s.optionsError({ trainSize: 5, batchSize: 32, epochs: 1 })).toMatch(/training subset is 5; allowed: integer 10\.\./);
    const run = { config: validateLenetConfig(), batchSize: 64, trainSize: 128 };
    const leaked = await leakedTensors(async () => {
      const epochs: number[] = [];
      const r1 = await s.train({ ...run, epochs: 1, resume: false, onEpochEnd: (l) => epochs.push(l.epoch) });
      expect([r1.stopReason, r1.nextEpoch, r1.trainCount]).toEqual(['completed', 1, 128]);
      const r2 = await s.train({ ...run, epochs: 2, resume: true, onEpochEnd: (l) => epochs.push(l.epoch) });
      expect(r2.nextEpoch).toBe(2);
      expect(epochs).toEqual([0, 1]);
      const cm = await s.evaluate();
      expect(cm.flat().reduce((a, b) => a + b, 0)).toBe(s.split?.test.length);
      const v = await s.views(s.sampleDigit(0) as Float32Array);
      expect(v?.prediction).toHaveLength(10);
      expect(v?.maps.length).toBeGreaterThan(0);
      s.dispose();
    });
    expect(leaked).toBe(0);
  });
});

describe('MlpSession and the live perceptron', () => {
  it('builds, fits and gives grid, weights and a trace without leaking', async () => {
    const d = make2dDataset({ kind: 'xor', n: 80, noise: 0.05, classes: 2, seed: 1 });
    const c = validateMlpConfig({ outputActivation: 'softmax', outputSize: 2, hiddenLayers: [4], epochs: 3 });
    const s = new MlpSession();
    const leaked = await leakedTensors(async () => {
      s.build(c);
      const r = await s.fit({ x: d.x, y: d.y }, { x: d.x.slice(0, 16), y: d.y.slice(0, 16) });
      expect(r.history).toHaveLength(3);
      expect((await s.predict([[0, 0]]))?.[0]).toHaveLength(2);
      expect((await s.weights()).map((w) => w.bias.length)).toEqual([4, 2]);
      expect((await s.trace(d.x[0], d.y[0]))?.layers).toHaveLength(2);
      s.dispose();
    });
    expect(leaked).toBe(0);
  });

  it('runs the perceptron rule epoch by epoch until an error-free pass', async () => {
    const d = make2dDataset({ kind: 'linear', n: 60, noise: 0, classes: 2, seed: 3 });
    const seen: number[] = [];
    const fit = await runPerceptronLive(d.x, d.y, { eta: 1, maxEpochs: 200 }, { onEpoch: (_, m) => seen.push(m) });
    expect(fit.converged).toBe(true);
    expect(seen).toEqual(fit.mistakes);
    expect(seen.at(-1)).toBe(0);
    await expect(runPerceptronLive(d.x, d.y, { eta: 0, maxEpochs: 5 })).rejects.toThrow(/eta is 0/);
  });
});
