import type { DetectorInput } from '../detection/types.ts';
import type { TrackOutput } from '../tracking/types.ts';
import type { TrackingPipeline } from './trackingPipeline.ts';

/** Where a carried frame stands relative to the tracker (see `StreamRunner`). */
export interface CarryContext {
  /** Tracker updates the shown result is carried by (fractions allowed). */
  readonly steps: number;
  /** True when the shown result is the tracker's newest update, so its state may be corrected. */
  readonly fromLatestUpdate: boolean;
  /** Source frame the shown result was detected on. */
  readonly sourceIndex: number;
}

/**
 * Optional per-frame hook for frames the detector skips: it sees the frame's
 * pixels and the confirmed tracks carried to it by the motion model, and
 * returns the tracks to report (for example moved by image motion measured
 * inside each box). `StreamRunner` calls it on every carried frame that has
 * pixels, and `observe` on detected frames so it can keep reference pixels;
 * a detection's result may be shown frames later (`--realtime`), and a
 * measurer must not use it before `context.sourceIndex` says it is shown.
 * It must not keep or dispose `frame` past the call.
 */
export interface MotionMeasurer {
  measure(frame: DetectorInput, index: number, tracks: readonly TrackOutput[], context?: CarryContext): Promise<readonly TrackOutput[]>;
  /** Called once with the stream's pipeline, so measurements can reach the tracker. */
  attach?(pipeline: TrackingPipeline): void;
  observe?(frame: DetectorInput, index: number, tracks: readonly TrackOutput[]): Promise<void>;
  /** A new stream starts: forget reference pixels. */
  reset?(): void;
  dispose?(): void;
}
