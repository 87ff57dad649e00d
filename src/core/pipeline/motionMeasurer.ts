import type { DetectorInput } from '../detection/types.ts';
import type { TrackOutput } from '../tracking/types.ts';

/**
 * Optional per-frame hook for frames the detector skips: it sees the frame's
 * pixels and the confirmed tracks carried to it by the motion model, and
 * returns the tracks to report (for example moved by image motion measured
 * inside each box). `StreamRunner` calls it on every carried frame that has
 * pixels, and `observe` on detected frames so it can keep reference pixels.
 * It must not keep or dispose `frame` past the call.
 */
export interface MotionMeasurer {
  measure(frame: DetectorInput, index: number, tracks: readonly TrackOutput[]): Promise<readonly TrackOutput[]>;
  observe?(frame: DetectorInput, index: number, tracks: readonly TrackOutput[]): Promise<void>;
  /** A new stream starts: forget reference pixels. */
  reset?(): void;
  dispose?(): void;
}
