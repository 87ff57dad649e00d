/**
 * IoU distance (1 - IoU) between tracks and detections in the uniform
 * matcher contract, with C-BIoU's buffer (Yang et al., "Hard to Track
 * Objects with Irregular Motions and Similar Appearances? Make It Easier by
 * Buffering the Matching Space", WACV 2023): both boxes are widened by the
 * same fraction of their own size on every side, so an object that moved
 * further than its box since it was last detected still overlaps. The buffer
 * grows with the time since the track's last detection (see
 * `TrackerConfig.iouBufferPerSecond`). `boxOf` picks the track's box: its
 * predicted box by default, or e.g. its last observation (OC-SORT's
 * observation-centric recovery).
 */
import { iouTlwh } from '../geometry/boxes.ts';
import type { Tlwh } from '../geometry/boxes.ts';
import type { CostMatrix } from './assignmentSolver.ts';
import type { TrackerConfig } from './config.ts';

export interface IouTrack {
  /** Current box in source pixels (after this frame's predict). */
  readonly predictedBox: Tlwh;
}

/** Which box of a track to compare: by default its predicted box. */
export type TrackBox<T> = (track: T) => Tlwh;

/** Buffer of a track (fraction of box size per side); 0 = plain IoU. */
export type TrackBuffer<T> = (track: T) => number;

export interface IouDetection {
  readonly box: Tlwh;
}

/** `box` widened by `buffer` x its width and height on every side. */
export function expandTlwh([x, y, w, h]: Tlwh, buffer: number): Tlwh {
  return [x - buffer * w, y - buffer * h, w * (1 + 2 * buffer), h * (1 + 2 * buffer)];
}

/** IoU of `a` and `b` after widening both by `buffer` (C-BIoU); plain IoU at 0. */
export function bufferedIou(a: Tlwh, b: Tlwh, buffer: number): number {
  return buffer > 0 ? iouTlwh(expandTlwh(a, buffer), expandTlwh(b, buffer)) : iouTlwh(a, b);
}

/** The buffer after `seconds` unobserved: linear in time, capped, never negative. */
export function bufferAfter(seconds: number, config: Pick<TrackerConfig, 'iouBufferPerSecond' | 'maxIouBuffer'>): number {
  return Math.min(config.maxIouBuffer, config.iouBufferPerSecond * Math.max(0, seconds));
}

export function iouDistance<T extends IouTrack>(
  tracks: readonly T[],
  detections: readonly IouDetection[],
  trackIndices: readonly number[],
  detectionIndices: readonly number[],
  boxOf: TrackBox<T> = (t) => t.predictedBox,
  bufferOf: TrackBuffer<T> = () => 0,
): CostMatrix {
  const rows = trackIndices.length;
  const cols = detectionIndices.length;
  const data = new Float64Array(rows * cols).fill(Infinity);
  for (let r = 0; r < rows; r++) {
    const track = tracks[trackIndices[r]];
    const box = boxOf(track);
    const buffer = bufferOf(track);
    for (let c = 0; c < cols; c++) {
      const iou = bufferedIou(box, detections[detectionIndices[c]].box, buffer);
      if (iou > 0) data[r * cols + c] = 1 - iou;
    }
  }
  return { data, rows, cols };
}
