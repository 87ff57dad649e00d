import { beforeAll, describe, expect, it } from 'vitest';
import { sampleTrials, validateTunerConfig } from '../../src/core/training/tunerConfig.ts';
import { mlpTrialEvaluator, runRandomSearch, type TrialResult } from '../../src/core/training/randomSearch.ts';
import { make2dDataset } from '../../src/core/training/datasets2d.ts';
import { preprocessDigit } from '../../src/core/training/preprocessDigit.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

beforeAll(useTrainingBackend);

describe('random-search tuner', () => {
  it('same seed → same trial sequence; log-uniform lr within range', () => {
    const a = sampleTrials({ seed: 7, maxTrials: 20 });
    expect(sampleTrials({ seed: 7, maxTrials: 20 })).toEqual(a);
    expect(sampleTrials({ seed: 8, maxTrials: 20 })).not.toEqual(a);
    for (const t of a) {
      expect(t.learningRate).toBeGreaterThanOrEqual(1e-3);
      expect(t.learningRate).toBeLessThanOrEqual(1e-1);
      expect(t.hiddenLayers.length).toBeGreaterThanOrEqual(1);
      expect(t.hiddenLayers.length).toBeLessThanOrEqual(3);
    }
    expect(() => validateTunerConfig({ maxTrials: 0 })).toThrow(/maxTrials is 0; allowed: integer 1..200/);
    expect(() => validateTunerConfig({ space: { ...validateTunerConfig().space, units: [0, 10] } })).toThrow(/units range is \[0, 10\]/);
  });

  it('streams trials, finds the best and reproduces results with the same seed', async () => {
    const train = make2dDataset({ kind: 'circles', n: 120, noise: 0.05, seed: 1 });
    const val = make2dDataset({ kind: 'circles', n: 60, noise: 0.05, seed: 2 });
    const base = {
      inputSize: 2,
      outputSize: 1,
      outputActivation: 'sigmoid' as const,
      loss: 'crossentropy' as const,
      optimizer: 'adam' as const,
      epochs: 15,
      seed: 3,
    };
    const run = async () => {
      const streamed: TrialResult[] = [];
      const r = await runRandomSearch({ seed: 5, maxTrials: 4, objective: 'val_accuracy' }, mlpTrialEvaluator(base, train, val), {
        onTrial: (t) => streamed.push(t),
      });
      return { ...r, streamed };
    };
    let first!: Awaited<ReturnType<typeof run>>;
    expect(
      await leakedTensors(async () => {
        first = await run();
      }),
    ).toBe(0);
    const second = await run();
    expect(first.streamed.map((t) => t.index)).toEqual([0, 1, 2, 3]);
    expect(first.best?.score).toBe(Math.max(...first.trials.map((t) => t.score)));
    expect(second.trials.map((t) => [t.params, t.score])).toEqual(first.trials.map((t) => [t.params, t.score]));
    console.log(
      `tuner best trial #${first.best?.index}: val_accuracy ${first.best?.score.toFixed(3)} with ${JSON.stringify(first.best?.params)}`,
    );
  });
});

describe('digit preprocessing', () => {
  const canvas = (w: number, h: number, fill: (x: number, y: number) => number) => ({
    width: w,
    height: h,
    data: Float32Array.from({ length: w * h }, (_, i) => fill(i % w, Math.floor(i / w))),
  });

  it('fits a 10×40 bar into 5×20 and centres its mass at (14, 14)', () => {
    const img = canvas(100, 100, (x, y) => (x >= 30 && x < 40 && y >= 20 && y < 60 ? 1 : 0));
    const out = preprocessDigit(img);
    // 5×20 block: centre of mass (2.5, 10) → offset round(11.5) = 12 columns, 4 rows.
    const expected = new Float32Array(784);
    for (let y = 4; y < 24; y++) for (let x = 12; x < 17; x++) expected[y * 28 + x] = 1;
    expect(Array.from(out)).toEqual(Array.from(expected));
  });

  it('averages areas when shrinking and shifts by the centre of mass, not the box', () => {
    // 40×40 box: left 20 columns ink 1, right 20 columns ink 0.5 → 20×20, scale 1/2.
    const img = canvas(60, 60, (x, y) => (y >= 10 && y < 50 && x >= 10 && x < 50 ? (x < 30 ? 1 : 0.5) : 0));
    const out = preprocessDigit(img);
    // columns 0..9 = 1, 10..19 = 0.5; cx = (10·5 + 0.5·10·15) / 15 = 8.33 → offset round(5.67) = 6 → clamped to 28−20 = 8? no: 6 fits.
    expect(out[14 * 28 + 6]).toBe(1);
    expect(out[14 * 28 + 15]).toBe(1);
    expect(out[14 * 28 + 16]).toBe(0.5);
    expect(out[14 * 28 + 25]).toBe(0.5);
    expect(out[14 * 28 + 26]).toBe(0);
    expect(out[4 * 28 + 6]).toBe(1); // rows: cy = 10 → offset 4
    expect(out[3 * 28 + 6]).toBe(0);
    expect(out.reduce((a, b) => a + b, 0)).toBe(20 * 10 + 20 * 10 * 0.5);
  });

  it('returns zeros for an empty drawing and rejects mismatched sizes', () => {
    expect(preprocessDigit(canvas(10, 10, () => 0)).every((v) => v === 0)).toBe(true);
    expect(() => preprocessDigit({ width: 3, height: 3, data: [1] })).toThrow(/1 values for 3×3/);
  });
});
