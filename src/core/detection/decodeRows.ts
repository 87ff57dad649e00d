/**
 * CenterNet's [100 x stride] rows → detections in source pixels, keeping the
 * row index of each survivor so per-row extras (embeddings) can follow it.
 * Used by both CenterNet adapters through `CenterNetGraph.decode` (score and class filter,
 * letterbox inverse, class-aware NMS), so both detectors agree box for box;
 * the test in tests/embedding/jointCenterNet.test.ts checks that they do.
 */
import { tlbrToTlwh } from '../geometry/boxes.ts';
import type { DetectorConfig } from './config.ts';
import { classAwareNms, type Candidate } from './nms.ts';
import { toSourceX, toSourceY, type InputTransform } from './preprocess.ts';
import type { Detection } from './types.ts';

export interface DecodedRow {
  /** Index of the row in the model's output (0..99). */
  readonly row: number;
  readonly detection: Detection;
}

export interface DecodeContext {
  readonly config: DetectorConfig;
  readonly labels: readonly string[];
  /** Allowed class ids, or null for all. */
  readonly allowed: ReadonlySet<number> | null;
  readonly transform: InputTransform;
}

/** `data` holds rows of `stride` floats whose first 6 are x1, y1, x2, y2, score, classId. */
export function decodeRows(data: Float32Array, stride: number, ctx: DecodeContext): DecodedRow[] {
  const { config, labels, allowed, transform: t } = ctx;
  const candidates: Candidate[] = [];
  const rowOf: number[] = [];
  for (let r = 0; (r + 1) * stride <= data.length; r++) {
    const i = r * stride;
    const score = data[i + 4];
    const classId = Math.round(data[i + 5]);
    if (score < config.scoreThreshold || classId < 0 || classId >= labels.length) continue;
    if (allowed !== null && !allowed.has(classId)) continue;
    const x1 = toSourceX(data[i], t);
    const y1 = toSourceY(data[i + 1], t);
    const x2 = toSourceX(data[i + 2], t);
    const y2 = toSourceY(data[i + 3], t);
    if (x2 - x1 < 1 || y2 - y1 < 1) continue;
    candidates.push({ box: [x1, y1, x2, y2], score, classId });
    rowOf.push(r);
  }
  const kept = classAwareNms(candidates, config.iouThreshold, config.maxDetections);
  return kept.map((k) => {
    const c = candidates[k];
    return { row: rowOf[k], detection: { box: tlbrToTlwh(c.box), score: c.score, classId: c.classId, label: labels[c.classId] } };
  });
}
