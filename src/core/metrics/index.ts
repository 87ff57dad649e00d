/**
 * Public surface of the MOT metrics module (browser-safe; the Node file
 * reader lives in `readMotFile.ts` and is imported directly by Node code).
 */
export { parseMot, formatMot } from './motFormat.ts';
export type { MotRow } from './motFormat.ts';
export { MotParseError } from './MotParseError.ts';
export { groupByFrame } from './groupByFrame.ts';
export { evaluate, DEFAULT_IOU_THRESHOLD } from './evaluate.ts';
export { combine } from './combine.ts';
export { formatMetricsTable } from './formatMetricsTable.ts';
export { applyMot17Protocol, removeDistractorMatches, MOT17_IGNORED_CLASSES, MOT17_PEDESTRIAN } from './mot17Protocol.ts';
export { solveLap } from './lap.ts';
export type { LapResult } from './lap.ts';
export { HOTA_ALPHAS } from './hota.ts';
export type { HotaCounts } from './hota.ts';
export type { MotCounts, MotMetrics, EvaluateOptions } from './types.ts';
export { perFrameErrors } from './perFrameErrors.ts';
export type { FrameEvents } from './perFrameErrors.ts';
