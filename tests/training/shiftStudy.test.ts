import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitMnist } from '../../src/core/training/mnistData.ts';
import { runShiftStudy, SHIFT_MODELS, validateShiftStudyConfig } from '../../src/core/training/shiftStudy.ts';
import { loadMnistFs } from '../../src/node/training/mnistFs.ts';
import { useTrainingBackend } from './helpers.ts';

beforeAll(useTrainingBackend);

describe('shift study (dense vs LeNet-5, with and without shift augmentation)', () => {
  it('validates its settings, naming the bad value', () => {
    expect(() => validateShiftStudyConfig({ maxShift: 9 })).toThrow(/maxShift is 9; allowed: integer 1..8/);
    expect(() => validateShiftStudyConfig({ direction: 'diagonal' as never })).toThrow(/direction is "diagonal"/);
  });

  it('trains four small models, sweeps shifts 0..4 on real MNIST, reports progress and leaves no tensor behind', async () => {
    const mnist = loadMnistFs();
    const split = splitMnist(mnist.count);
    const progress: number[] = [];
    const before = tf.memory().numTensors;
    const { series, stopped } = await runShiftStudy(
      { trainSize: 400, testSize: 100, epochs: 2, maxShift: 4, direction: 'right' },
      mnist,
      split,
      { onProgress: (f) => progress.push(f) },
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(stopped).toBe(false);
    expect(series.map((s) => s.id)).toEqual(SHIFT_MODELS.map((m) => m.id));
    for (const s of series) {
      expect(s.accuracy).toHaveLength(5);
      expect(s.accuracy.every((a) => a >= 0 && a <= 1)).toBe(true);
    }
    const dense = series[0].accuracy;
    console.log(series.map((s) => `${s.label}: ${s.accuracy.map((a) => a.toFixed(2)).join(' ')}`).join('\n'));
    expect(dense[0]).toBeGreaterThan(0.5); // it learned something
    expect(dense[4]).toBeLessThan(dense[0]); // and a 4-pixel shift hurts it
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
  });

  it('stops when aborted, keeping the curves done so far', async () => {
    const mnist = loadMnistFs();
    const ctrl = new AbortController();
    const before = tf.memory().numTensors;
    const r = await runShiftStudy({ trainSize: 100, testSize: 20, epochs: 1, maxShift: 1 }, mnist, splitMnist(mnist.count), {
      signal: ctrl.signal,
      onSeries: () => ctrl.abort(),
    });
    expect(r.stopped).toBe(true);
    expect(r.series).toHaveLength(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
