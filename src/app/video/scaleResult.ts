import type { Tlwh } from '../../core/geometry/boxes';
import type { TrackOutput } from '../../core/tracking';

/**
 * Maps tracks found on a downscaled frame back to source pixels. Boxes,
 * late boxes and trail points scale; velocities stay in inference units
 * (the page never uses them). Returns `tracks` itself when nothing scales.
 */
export function scaleTracks(tracks: readonly TrackOutput[], sx: number, sy: number): TrackOutput[] {
  if (sx === 1 && sy === 1) return [...tracks];
  const box = ([x, y, w, h]: Tlwh): Tlwh => [x * sx, y * sy, w * sx, h * sy];
  return tracks.map((t) => ({
    ...t,
    box: box(t.box),
    history: t.history.map(([cx, cy]) => [cx * sx, cy * sy] as const),
    lateBoxes: t.lateBoxes?.map((b) => ({ frame: b.frame, box: box(b.box) })),
  }));
}

/** Maps detections found on a downscaled frame back to source pixels (`detections` itself when nothing scales). */
export function scaleDetections<D extends { box: Tlwh }>(detections: readonly D[], sx: number, sy: number): readonly D[] {
  if (sx === 1 && sy === 1) return detections;
  return detections.map((d) => ({ ...d, box: [d.box[0] * sx, d.box[1] * sy, d.box[2] * sx, d.box[3] * sy] as Tlwh }));
}
