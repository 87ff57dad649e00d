import type { MotRow } from '../../src/core/metrics/index.ts';

/** Factory for a MOT row with a 10x10 pixel box at (x, y) unless w/h are given. */
export function makeMotRow(frame: number, id: number, x: number, y = 0, w = 10, h = 10, conf = 1): MotRow {
  return { frame, id, box: [x, y, w, h], conf };
}
