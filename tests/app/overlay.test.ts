import { describe, expect, it } from 'vitest';
import { drawOverlay, trackDrawable } from '../../src/app/render/overlay';
import type { TrackOutput } from '../../src/core/tracking';

const track = (timeSinceUpdate: number): TrackOutput => ({
  id: 3,
  box: [10, 20, 30, 60],
  label: 'person',
  state: 'confirmed',
  hits: 5,
  age: 6,
  timeSinceUpdate,
  history: [],
  score: 0.8,
  velocity: [0, 0, 0, 0],
});

/** The stroke widths a canvas context was asked to draw boxes with. */
function strokes(items: ReturnType<typeof trackDrawable>[]): number[] {
  const widths: number[] = [];
  const ctx = {
    canvas: { width: 1280, height: 720 },
    lineWidth: 0,
    strokeRect: () => widths.push(ctx.lineWidth),
  } as unknown as CanvasRenderingContext2D;
  drawOverlay(ctx, items, { showBoxes: true, showLabels: false, showScores: false, showTrails: false });
  return widths;
}

describe('live overlay: detected and carried boxes', () => {
  it('a box from a fresh detection is drawn full width; a carried or coasting one thinner', () => {
    const fresh = trackDrawable(track(0), false, true);
    const carried = trackDrawable(track(0), false, false);
    const coasting = trackDrawable(track(2), false, true);
    expect([fresh.carried, carried.carried, coasting.carried]).toEqual([false, true, true]);
    const [full, thin, thin2] = strokes([fresh, carried, coasting]);
    expect(full).toBe(4); // 1280 / 320
    expect(thin).toBe(2);
    expect(thin2).toBe(2);
  });
});
