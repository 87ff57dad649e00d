import { describe, expect, it } from 'vitest';
import { classAwareNms, type Candidate } from '../../src/core/detection/nms';

const c = (x: number, score: number, classId: number): Candidate => ({ box: [x, 10, x + 50, 110], score, classId });

describe('classAwareNms', () => {
  it('suppresses overlapping boxes of the same class only', () => {
    expect(classAwareNms([c(0, 0.9, 0), c(5, 0.8, 0), c(5, 0.7, 41), c(200, 0.6, 0)], 0.5, 10)).toEqual([0, 2, 3]);
  });

  it('returns best score first and suppresses only above the threshold', () => {
    // IoU of x=0 and x=25 (50 wide): 25 / 75 = 1/3.
    expect(classAwareNms([c(25, 0.5, 0), c(0, 0.9, 0)], 1 / 3, 10)).toEqual([1, 0]);
    expect(classAwareNms([c(25, 0.5, 0), c(0, 0.9, 0)], 0.33, 10)).toEqual([1]);
  });

  it('caps the output and handles no candidates', () => {
    expect(classAwareNms([c(0, 0.9, 0), c(100, 0.8, 0), c(200, 0.7, 0)], 0.5, 2)).toEqual([0, 1]);
    expect(classAwareNms([], 0.5, 2)).toEqual([]);
  });
});
