import { describe, expect, it } from 'vitest';
import type { MotRow } from '../../src/core/metrics';
import { interpolateCarried } from '../../src/core/refine/interpolateCarried';
import { refineTracks } from '../../src/core/refine/refineTracks';

const row = (frame: number, x: number, conf = 0.9): MotRow => ({ frame, id: 1, box: [x, 10, 20, 40], conf });
/** Detected on frames 1, 5, 9 (every 4th); frames between carried with a lagging box. */
const detected = (f: number) => (f - 1) % 4 === 0;

describe('interpolateCarried', () => {
  it('re-draws carried rows between two detections on the line between them, and keeps the rest', () => {
    const rows = [
      row(1, 0),
      row(2, 0),
      row(3, 0),
      row(4, 0),
      row(5, 40, 0.6),
      row(6, 40),
      row(8, 40),
      row(9, 80),
      row(10, 80),
      row(11, 80),
    ];
    const out = interpolateCarried(rows, detected);
    expect(out.map((r) => [r.frame, r.box[0], r.conf])).toEqual([
      [1, 0, 0.9],
      [2, 10, 0.6],
      [3, 20, 0.6],
      [4, 30, 0.6],
      [5, 40, 0.6],
      [6, 50, 0.6],
      [8, 70, 0.6],
      [9, 80, 0.9],
      // After the last detection the carried boxes stay.
      [10, 80, 0.9],
      [11, 80, 0.9],
    ]);
    expect(rows[1].box[0]).toBe(0);
  });

  it('refineTracks uses it only when told which frames were detected', () => {
    const rows = [row(1, 0), row(2, 0), row(3, 0), row(4, 0), row(5, 40)];
    const config = { smooth: false, link: false };
    expect(refineTracks(rows, 10, { config, detectedFrames: new Set([1, 5]) }).map((r) => r.box[0])).toEqual([0, 10, 20, 30, 40]);
    expect(refineTracks(rows, 10, { config }).map((r) => r.box[0])).toEqual([0, 0, 0, 0, 40]);
  });
});
