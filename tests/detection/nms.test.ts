import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classAwareNms, type Candidate } from '../../src/core/detection/nms';
import { useTestBackend } from './helpers';

beforeAll(useTestBackend);

const c = (x: number, score: number, classId: number): Candidate => ({ box: [x, 10, x + 50, 110], score, classId });

describe('classAwareNms', () => {
  it('suppresses overlapping boxes of the same class only', async () => {
    const before = tf.memory().numTensors;
    const kept = await classAwareNms([c(0, 0.9, 0), c(5, 0.8, 0), c(5, 0.7, 41), c(200, 0.6, 0)], 0.5, 10);
    expect(kept).toEqual([0, 2, 3]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('caps the output and handles no candidates', async () => {
    expect(await classAwareNms([c(0, 0.9, 0), c(100, 0.8, 0), c(200, 0.7, 0)], 0.5, 2)).toEqual([0, 1]);
    expect(await classAwareNms([], 0.5, 2)).toEqual([]);
  });
});
