/**
 * Messages between the page and the architecture zoo's worker
 * (zoo.worker.ts). The page sends the MNIST digits once per run (their
 * buffers transferred, not copied); the worker trains each requested model
 * with the core's runZooModel and streams progress and result rows back.
 */
import type { BackendName } from '../../core/backend/select';
import type { MnistData, ZooPreset, ZooResult } from '../../core/training/index.ts';

/** One model to train: a preset and, for the residual block, whether it keeps its skip. */
export interface ZooModelRun {
  preset: ZooPreset;
  skip: boolean;
}

export interface ZooRunRequest {
  type: 'run';
  runId: number;
  /** The backend to train on; the worker falls back to wasm, then cpu, when it cannot start. */
  backend: BackendName;
  runs: ZooModelRun[];
  epochs: number;
  /** Training digits. */
  train: MnistData;
  /** Validation digits. */
  val: MnistData;
}

export type ZooRequest = ZooRunRequest | { type: 'stop' };

/** The worker's tensors around a run, and how many batches it trained: proof the work happened there. */
export interface ZooWorkerStats {
  backend: BackendName;
  numTensorsBefore: number;
  numTensorsAfter: number;
  batches: number;
  stopped: boolean;
}

export type ZooResponse =
  /** `fallback`: why the worker is not on the requested backend ('' when it is). */
  | { type: 'started'; runId: number; backend: BackendName; requested: BackendName; fallback: string }
  /** After each batch: the fraction of the whole run done, and which model (index into `runs`) is training. */
  | { type: 'progress'; runId: number; fraction: number; model: number }
  | { type: 'row'; runId: number; row: ZooResult }
  | ({ type: 'done'; runId: number } & ZooWorkerStats)
  | { type: 'error'; runId: number; message: string };
