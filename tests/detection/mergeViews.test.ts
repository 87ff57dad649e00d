import { describe, expect, it } from 'vitest';
import { mergeViews } from '../../src/core/detection/mergeViews';
import type { Detection } from '../../src/core/detection/types';

const person = (x: number, score: number, w = 50): Detection => ({ box: [x, 10, w, 100], score, classId: 0, label: 'person' });
const cup = (x: number, score: number): Detection => ({ box: [x, 10, 50, 100], score, classId: 41, label: 'cup' });
const opts = { iouThreshold: 0.5, maxDetections: 10 } as const;

describe('mergeViews', () => {
  it('keeps the best box of each object and fuses the views that found it (max)', () => {
    // View 0: person at x=0 (0.6), cup at x=0 (0.5); view 1: same person shifted 5 px (0.8); view 2: a second person (0.4).
    const merged = mergeViews([[person(0, 0.6), cup(0, 0.5)], [person(5, 0.8)], [person(300, 0.4)]], { ...opts, fusion: 'max' });
    expect(merged.map((m) => [m.detection.box[0], m.detection.score, m.detection.label])).toEqual([
      [5, 0.8, 'person'],
      [0, 0.5, 'cup'],
      [300, 0.4, 'person'],
    ]);
    expect(merged[0].members.map((m) => [m.view, m.detection.score])).toEqual([
      [1, 0.8],
      [0, 0.6],
    ]);
  });

  it('mean fusion averages the best score of each finding view, and re-sorts by the fused score', () => {
    // Person A: view 0 0.9 and 0.5 (same view: best 0.9 counts), view 1 0.3 → (0.9 + 0.3) / 2 = 0.6.
    // Person B: view 1 only, 0.7 → 0.7, so B now ranks first.
    const merged = mergeViews(
      [
        [person(0, 0.9), person(2, 0.5)],
        [person(4, 0.3), person(400, 0.7)],
      ],
      { ...opts, fusion: 'mean' },
    );
    expect(merged.map((m) => [m.detection.box[0], m.detection.score])).toEqual([
      [400, 0.7],
      [0, 0.6],
    ]);
    expect(merged[1].members).toHaveLength(3);
  });

  it('leaves boxes overlapping at or below the IoU threshold apart', () => {
    // x=0 and x=25, both 50 wide: IoU 25 / 75 = 1/3.
    expect(mergeViews([[person(0, 0.9)], [person(25, 0.8)]], { iouThreshold: 1 / 3, maxDetections: 10, fusion: 'max' })).toHaveLength(2);
    expect(mergeViews([[person(0, 0.9)], [person(25, 0.8)]], { iouThreshold: 0.33, maxDetections: 10, fusion: 'max' })).toHaveLength(1);
  });

  it('caps the output and handles no views or empty views', () => {
    const three = [[person(0, 0.9), person(100, 0.8), person(200, 0.7)]];
    expect(mergeViews(three, { ...opts, maxDetections: 2, fusion: 'max' }).map((m) => m.detection.score)).toEqual([0.9, 0.8]);
    expect(mergeViews([], { ...opts, fusion: 'mean' })).toEqual([]);
    expect(mergeViews([[], []], { ...opts, fusion: 'mean' })).toEqual([]);
  });

  it('keeps extra fields of the kept detection (embeddings) and does not touch its input', () => {
    const a = { ...person(0, 0.5), embedding: new Float32Array([1, 0]) };
    const b = { ...person(1, 0.7), embedding: new Float32Array([0, 1]) };
    const merged = mergeViews([[a], [b]], { ...opts, fusion: 'mean' });
    expect(merged[0].detection.embedding).toBe(b.embedding);
    expect(merged[0].detection.score).toBeCloseTo(0.6, 12);
    expect(b.score).toBe(0.7);
  });
});
