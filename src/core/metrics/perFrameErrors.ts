/**
 * Per-frame CLEAR MOT errors (FP, FN, IDSW), for charts that show where a
 * tracker loses or swaps identities. Same matching as `evaluate`, so the
 * per-frame counts sum to its FP / FN / IDSW.
 */
import type { MotRow } from './motFormat.ts';
import { buildSequenceFrames } from './sequenceFrames.ts';
import { countClearEvents, type FrameEvents } from './clearEvents.ts';
import { DEFAULT_IOU_THRESHOLD } from './evaluate.ts';
import type { EvaluateOptions } from './types.ts';

export type { FrameEvents };

/** One entry per frame present in either file, in frame order. */
export function perFrameErrors(gtRows: readonly MotRow[], resRows: readonly MotRow[], options: EvaluateOptions = {}): FrameEvents[] {
  const iouThreshold = options.iouThreshold ?? DEFAULT_IOU_THRESHOLD;
  if (!(iouThreshold > 0 && iouThreshold <= 1)) throw new RangeError(`perFrameErrors: iouThreshold must be in (0, 1], got ${iouThreshold}`);
  const gt = options.dropZeroConfGt ? gtRows.filter((r) => r.conf !== 0) : gtRows;
  const out: FrameEvents[] = [];
  countClearEvents(buildSequenceFrames(gt, resRows), iouThreshold, (e) => out.push(e));
  return out;
}
