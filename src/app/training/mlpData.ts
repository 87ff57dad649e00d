/**
 * The MLP panel's data: a 2-D classification set or the 1-D regression set,
 * as plain arrays plus the config changes each task needs. Plain TS.
 */
import { make2dDataset, makeRegressionSet, type DatasetKind, type MlpConfig, type RegressionConfig } from '../../core/training/index.ts';

export const TASKS = [...(['linear', 'xor', 'circles', 'spiral', 'gaussians'] as const), 'regression'] as const;
export type Task = DatasetKind | 'regression';

export interface TaskData {
  task: Task;
  /** Inputs: [x, y] points or [x] for regression. */
  x: number[][];
  /** Class indices, or target values for regression. */
  y: number[];
  classes: number;
  isOutlier?: boolean[];
}

export interface DataSettings {
  task: Task;
  n: number;
  noise: number;
  classes: number;
  outlierFraction: number;
  outlierOffset: number;
  seed: number;
}

export const DEFAULT_DATA: DataSettings = { task: 'xor', n: 300, noise: 0.05, classes: 3, outlierFraction: 0.1, outlierOffset: 8, seed: 1 };

export function makeTaskData(s: DataSettings): TaskData {
  if (s.task === 'regression') {
    const r = makeRegressionSet({
      n: s.n,
      noise: s.noise,
      outlierFraction: s.outlierFraction,
      outlierOffset: s.outlierOffset,
      seed: s.seed,
    } satisfies Partial<RegressionConfig>);
    return { task: s.task, x: r.x.map((v) => [v]), y: r.y, classes: 0, isOutlier: r.isOutlier };
  }
  const d = make2dDataset({ kind: s.task, n: s.n, noise: s.noise, classes: s.classes, seed: s.seed });
  return { task: s.task, x: d.x, y: d.y, classes: d.classes };
}

/** Input/output sizes for the data; throws a clear message for combinations that cannot work. */
export function shapeFor(d: TaskData, c: Pick<MlpConfig, 'outputActivation' | 'loss'>): Pick<MlpConfig, 'inputSize' | 'outputSize'> {
  if (d.task === 'regression') {
    if (c.outputActivation !== 'none')
      throw new Error(`output "${c.outputActivation}" squashes the regression target; choose output "none" for regression`);
    return { inputSize: 1, outputSize: 1 };
  }
  if (c.outputActivation === 'softmax') return { inputSize: 2, outputSize: d.classes };
  if (d.classes > 2)
    throw new Error(`output "${c.outputActivation}" has one unit, but the dataset has ${d.classes} classes; choose softmax or 2 classes`);
  return { inputSize: 2, outputSize: 1 };
}

/** Sensible defaults when switching between classification and regression. */
export function taskDefaults(task: Task): Partial<MlpConfig> {
  return task === 'regression'
    ? { outputActivation: 'none', loss: 'mse', hiddenActivation: 'tanh' }
    : { outputActivation: 'softmax', loss: 'crossentropy' };
}

/** Deterministic 80/20 split (the generators already interleave classes). */
export function splitTask(d: TaskData): { train: { x: number[][]; y: number[] }; val: { x: number[][]; y: number[] } } {
  const cut = Math.floor(d.x.length * 0.8);
  return { train: { x: d.x.slice(0, cut), y: d.y.slice(0, cut) }, val: { x: d.x.slice(cut), y: d.y.slice(cut) } };
}

/** Grid over the data's box for the decision boundary: row-major, `side`×`side` points. */
export function boundaryGrid(side: number, lo = -1.5, hi = 1.5): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) out.push([lo + ((c + 0.5) / side) * (hi - lo), hi - ((r + 0.5) / side) * (hi - lo)]);
  }
  return out;
}
