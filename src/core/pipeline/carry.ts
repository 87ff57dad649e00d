import { predictBox } from '../tracking/extrapolate.ts';
import type { TrackOutput } from '../tracking/types.ts';

/**
 * Tracks moved `steps` tracker updates ahead by the constant-velocity model
 * (fractions allowed): what is drawn and exported on a frame without a fresh
 * detection. Late boxes belong to the detection frame only and are dropped.
 */
export function carryTracks(tracks: readonly TrackOutput[], steps: number): TrackOutput[] {
  return tracks.map((t) => ({ ...t, box: predictBox(t, steps), lateBoxes: undefined }));
}
