/**
 * The zoo benchmark's run, shared by `npm run bench:train -- --zoo` in Node
 * and the in-browser bench page: every preset (the residual block with and
 * without its skip) trained on the first `digits` of the fixed MNIST split and
 * validated on `valDigits`, on whatever backend is active.
 */
import * as tf from '@tensorflow/tfjs';
import { labelsOf, mnistTensors, splitMnist, type MnistData } from './mnistData.ts';
import { ZOO_PRESETS } from './zooModels.ts';
import { runZooModel, validateZooRunConfig, type ZooResult } from './zooRun.ts';

export interface ZooBenchRun {
  readonly digits: number;
  readonly epochs: number;
  /** Validation digits. */
  readonly valDigits: number;
}

/** Every zoo row the comparison table has: each preset, and the residual block without its skip too. */
export const ZOO_BENCH_ROWS = ZOO_PRESETS.flatMap((preset) =>
  (preset === 'residual' ? [true, false] : [true]).map((skip) => ({ preset, skip })),
);

export async function runZooBenchRows(mnist: MnistData, run: ZooBenchRun, onRow?: (row: ZooResult) => void): Promise<ZooResult[]> {
  const split = splitMnist(mnist.count);
  const train = mnistTensors(mnist, split.train.slice(0, run.digits));
  const valIdx = split.val.slice(0, run.valDigits);
  const val = mnistTensors(mnist, valIdx);
  const rows: ZooResult[] = [];
  try {
    for (const { preset, skip } of ZOO_BENCH_ROWS) {
      const row = await runZooModel(validateZooRunConfig({ preset, epochs: run.epochs, skip }), {
        x: train.x,
        y: train.y,
        xVal: val.x,
        valLabels: labelsOf(mnist, valIdx),
      });
      onRow?.(row);
      rows.push(row);
    }
  } finally {
    tf.dispose([train.x, train.y, val.x, val.y]);
  }
  return rows;
}
