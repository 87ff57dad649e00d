/**
 * IoU distance (1 - IoU) between tracks' current (predicted) boxes and
 * detections, in the uniform matcher contract. Pairs are left at Infinity
 * (never assigned) when the track was not updated within
 * `maxTimeSinceUpdate` frames (deep_sort uses 1: a predicted box drifts too
 * far to trust IoU after that). `boxOf` picks another box, e.g. the last
 * observation (OC-SORT's observation-centric recovery).
 */
import { iouTlwh } from '../geometry/boxes.ts';
import type { Tlwh } from '../geometry/boxes.ts';
import type { CostMatrix } from './assignmentSolver.ts';

export interface IouTrack {
  readonly timeSinceUpdate: number;
  /** Current box in source pixels (after this frame's predict). */
  readonly predictedBox: Tlwh;
}

/** Which box of a track to compare: by default its predicted box. */
export type TrackBox<T> = (track: T) => Tlwh;

export interface IouDetection {
  readonly box: Tlwh;
}

export function iouDistance<T extends IouTrack>(
  tracks: readonly T[],
  detections: readonly IouDetection[],
  trackIndices: readonly number[],
  detectionIndices: readonly number[],
  maxTimeSinceUpdate = 1,
  boxOf: TrackBox<T> = (t) => t.predictedBox,
): CostMatrix {
  const rows = trackIndices.length;
  const cols = detectionIndices.length;
  const data = new Float64Array(rows * cols).fill(Infinity);
  for (let r = 0; r < rows; r++) {
    const track = tracks[trackIndices[r]];
    if (track.timeSinceUpdate > maxTimeSinceUpdate) continue;
    const box = boxOf(track);
    for (let c = 0; c < cols; c++) {
      const iou = iouTlwh(box, detections[detectionIndices[c]].box);
      if (iou > 0) data[r * cols + c] = 1 - iou;
    }
  }
  return { data, rows, cols };
}
