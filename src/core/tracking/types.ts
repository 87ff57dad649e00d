import type { Tlwh } from '../geometry/boxes.ts';

/** One detection for `Tracker.update`. Boxes are in source pixels. */
export interface Detection {
  readonly box: Tlwh;
  /** Detector confidence in [0, 1]. */
  readonly score: number;
  readonly classId?: number;
  readonly label?: string;
  /** Appearance embedding (any length, need not be normalised). Optional. */
  readonly embedding?: Float32Array;
}

export const TRACK_STATES = ['tentative', 'confirmed', 'deleted'] as const;
export type TrackState = (typeof TRACK_STATES)[number];

/** A centre point of a track's trail, in source pixels. */
export type TrailPoint = readonly [cx: number, cy: number];

/** A box a track had on an earlier frame (frame numbers on the tracker clock, from 1: `update`/`advance` calls unless given). */
export interface FrameBox {
  readonly frame: number;
  readonly box: Tlwh;
}

/** Plain snapshot of a track, as returned by `Tracker.update`. */
export interface TrackOutput {
  readonly id: number;
  /** Source pixels; Kalman posterior or latest detection per `config.outputBox`. */
  readonly box: Tlwh;
  readonly classId?: number;
  readonly label?: string;
  readonly state: TrackState;
  /** Detector runs with a matched detection. */
  readonly hits: number;
  /** Tracker-clock frames since the track was created. */
  readonly age: number;
  /** Tracker-clock frames since its latest detection (0 on the frame it was detected). */
  readonly timeSinceUpdate: number;
  /** Recent centre points, oldest first, at most `config.historyLength`. */
  readonly history: readonly TrailPoint[];
  /** Score of the latest matched detection. */
  readonly score: number;
  /**
   * Kalman velocity of (cx, cy, a, h) per detector run: per tracker-clock
   * frame times the frames between the latest two `update` calls (so per
   * `update` call, as a caller that updates only on detected frames expects).
   * Such a caller carries boxes between detections with the motion model:
   * `predictBox(track, j / k)` on the j-th frame of k (see `extrapolate.ts`).
   * A caller that steps the tracker on every frame gets boxes from `advance`.
   */
  readonly velocity: readonly [vcx: number, vcy: number, va: number, vh: number];
  /**
   * Boxes for earlier frames that became known on this frame, for offline
   * writers (a live view can ignore them): on the frame a track is confirmed,
   * the detections it had while tentative; on the frame a confirmed track is
   * re-acquired after a gap of at most `config.gapFill` seconds of missed
   * frames, boxes interpolated linearly across the gap.
   */
  readonly lateBoxes?: readonly FrameBox[];
}
