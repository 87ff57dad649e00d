/**
 * The views accuracy mode runs the detector on: the full frame first, then
 * n × n overlapping tiles, then the mirrored full frame; and the maps from a
 * view's pixels back to the frame's. Pure arithmetic, in source pixels.
 */
import type { Tlwh } from '../geometry/boxes.ts';
import type { AccuracyConfig } from './accuracyConfig.ts';

/** A region of the frame (integer source pixels), mirrored left–right when `flip`. */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly flip: boolean;
}

/** Start offsets of `n` tiles of length `tile` spread evenly over `length` (first at 0, last flush with the end). */
function tileStarts(length: number, tile: number, n: number): number[] {
  if (n === 1) return [0];
  return Array.from({ length: n }, (_, i) => Math.round((i * (length - tile)) / (n - 1)));
}

/**
 * Full frame, then the tiles row by row, then the mirrored frame. A tile is
 * `length / (n - (n - 1) · overlap)` long, so neighbours share `overlap` of it.
 */
export function frameViews(width: number, height: number, config: Pick<AccuracyConfig, 'tiles' | 'overlap' | 'flip'>): View[] {
  const views: View[] = [{ x: 0, y: 0, width, height, flip: false }];
  const n = config.tiles;
  if (n > 1) {
    const tw = Math.round(width / (n - (n - 1) * config.overlap));
    const th = Math.round(height / (n - (n - 1) * config.overlap));
    for (const y of tileStarts(height, th, n))
      for (const x of tileStarts(width, tw, n)) views.push({ x, y, width: tw, height: th, flip: false });
  }
  if (config.flip) views.push({ x: 0, y: 0, width, height, flip: true });
  return views;
}

/** A box in the view's pixels → the frame's. */
export function viewBoxToFrame([x, y, w, h]: Tlwh, view: View): Tlwh {
  const left = view.flip ? view.width - x - w : x;
  return [left + view.x, y + view.y, w, h];
}

/**
 * True when a box (frame pixels) lies within `margin` of an edge of the view
 * that is inside the frame: the view cut the object off there.
 */
export function cutByView([x, y, w, h]: Tlwh, view: View, frameWidth: number, frameHeight: number, margin: number): boolean {
  return (
    (view.x > 0 && x <= view.x + margin) ||
    (view.y > 0 && y <= view.y + margin) ||
    (view.x + view.width < frameWidth && x + w >= view.x + view.width - margin) ||
    (view.y + view.height < frameHeight && y + h >= view.y + view.height - margin)
  );
}
