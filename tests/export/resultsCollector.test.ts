import { describe, expect, it } from 'vitest';
import { ResultsCollector } from '../../src/core/export/resultsCollector';
import type { Detection, TrackOutput } from '../../src/core/tracking';

const track = (id: number, x: number): TrackOutput => ({
  id,
  box: [x, 100, 40, 100],
  label: 'person',
  classId: 0,
  state: 'confirmed',
  hits: 3,
  age: 3,
  timeSinceUpdate: 0,
  history: [],
  score: 0.8,
  velocity: [0, 0, 0, 0],
});
const look = (axis: number) => new Float32Array(4).map((_, k) => (k === axis ? 1 : 0));

/** One person walking right at 5 px per frame (10 fps), occluded on frames 30-49, then seen again as `laterId`. */
function collect(laterLook: number): ResultsCollector {
  const c = new ResultsCollector();
  for (let index = 0; index < 80; index++) {
    const x = 10 + 5 * index;
    const occluded = index >= 30 && index < 50;
    const tracks = occluded ? [] : [track(index < 30 ? 1 : 2, x)];
    const detections: Detection[] = occluded
      ? []
      : [{ box: [x + 1, 100, 40, 100], score: 0.8, embedding: look(index < 30 ? 0 : laterLook) }];
    c.add({ index, tracks, detections });
  }
  return c;
}

describe('ResultsCollector', () => {
  it('keeps per-track embedding sums from the detections it is given', () => {
    const c = collect(0);
    expect([...c.embeddings.map().keys()]).toEqual([1, 2]);
    expect([...c.embeddings.get(1)!]).toEqual([30, 0, 0, 0]);
  });

  it('refines with them: the same look joins the two tracklets, another look does not', () => {
    const ids = (c: ResultsCollector) => [...new Set(c.refinedRows(10).map((r) => r.id))];
    expect(ids(collect(0))).toEqual([1]);
    expect(ids(collect(1))).toEqual([1, 2]);
    expect(
      new Set(
        collect(0)
          .refinedRows(10, null)
          .map((r) => r.id),
      ),
    ).toEqual(new Set([1, 2]));
  });
});
