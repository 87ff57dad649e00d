/**
 * The detector ladder's rungs and its timing loop, shared by Node
 * (bench/ladder.ts) and the in-browser bench page, so both environments time
 * the same detectors the same way. Pure TypeScript (no node: imports).
 *
 * Every rung is loaded (and warmed up) before timing starts, then each frame
 * goes through every rung in turn (round-robin): a change of machine load hits
 * all rungs alike, which is what makes their ratios comparable.
 */
import * as tf from '@tensorflow/tfjs';
import { loadCenterNet } from '../../src/core/detection/centernet';
import { CENTERNET_INPUT_SIZES, centerNetModelName, type CenterNetInputSize } from '../../src/core/detection/centernetSizes';
import { loadNanoDet } from '../../src/core/detection/nanodet';
import type { Detector, DetectorInput } from '../../src/core/detection/types';
import type { Tlwh } from '../../src/core/geometry/boxes';
import type { ModelSource } from '../../src/core/models/source';
import type { FrameSample } from './node-stats';

export type LadderRung =
  | { readonly name: string; readonly family: 'centernet'; readonly inputSize: CenterNetInputSize }
  | { readonly name: 'nanodet'; readonly family: 'nanodet'; readonly inputSize: 416 };

/** CenterNet at each ladder size, then NanoDet (416²) from the same package. */
export const LADDER_RUNGS: readonly LadderRung[] = [
  ...CENTERNET_INPUT_SIZES.map((inputSize) => ({ name: centerNetModelName(inputSize), family: 'centernet' as const, inputSize })),
  { name: 'nanodet', family: 'nanodet', inputSize: 416 },
];

export function loadRung(rung: LadderRung, source: string | ModelSource): Promise<Detector> {
  return rung.family === 'centernet' ? loadCenterNet({ source, inputSize: rung.inputSize }) : loadNanoDet({ source });
}

/** A detection as the recall scoring needs it. */
export interface FoundBox {
  readonly label: string;
  readonly box: Tlwh;
}

export interface LadderTimes {
  /** Load + warm-up per rung, ms. */
  readonly loadMs: number[];
  /** Per rung, one sample per timed frame. */
  readonly samples: FrameSample[][];
  /** Per rung, per frame: the first round's detections (the detectors are deterministic). */
  readonly found: FoundBox[][][];
  /** tf.memory().numTensors once every rung is loaded, and after the timed passes. */
  readonly numTensorsBefore: number;
  readonly numTensorsAfter: number;
}

/** Loads every rung, then times `rounds` round-robin passes over the frames. Disposes the detectors. */
export async function runLadder(
  rungs: readonly LadderRung[],
  source: string | ModelSource,
  frames: readonly DetectorInput[],
  rounds: number,
  progress?: (done: number, total: number) => void,
): Promise<LadderTimes> {
  const detectors: Detector[] = [];
  const loadMs: number[] = [];
  try {
    for (const rung of rungs) {
      const t0 = performance.now();
      detectors.push(await loadRung(rung, source));
      loadMs.push(performance.now() - t0);
    }
    const numTensorsBefore = tf.memory().numTensors;
    const samples: FrameSample[][] = rungs.map(() => []);
    const found: FoundBox[][][] = rungs.map(() => []);
    const total = rounds * frames.length;
    for (let r = 0; r < rounds; r++) {
      for (const [i, frame] of frames.entries()) {
        for (const [k, detector] of detectors.entries()) {
          const detections = await detector.detect(frame);
          const t = detector.lastTimings;
          samples[k].push({
            preprocess: t.preprocessMs,
            inference: t.inferenceMs,
            postprocess: t.postprocessMs,
            detections: detections.length,
          });
          if (r === 0) found[k][i] = detections.map((d) => ({ label: d.label, box: d.box }));
        }
        progress?.(r * frames.length + i + 1, total);
      }
    }
    return { loadMs, samples, found, numTensorsBefore, numTensorsAfter: tf.memory().numTensors };
  } finally {
    for (const d of detectors) d.dispose();
  }
}
