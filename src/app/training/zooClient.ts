/**
 * Page-side handle on the architecture zoo's worker (zoo.worker.ts), used by
 * the zoo panel and by the in-browser benchmark, so the benchmark measures
 * the panel's path. One run at a time; the worker keeps its backend between
 * runs and is started again after it dies.
 */
import type { BackendName } from '../../core/backend/select';
import { mnistSubset, type MnistData, type MnistSplit, type ZooResult } from '../../core/training/index.ts';
import type { ZooModelRun, ZooRequest, ZooResponse, ZooWorkerStats } from './zooProtocol';

export type { ZooModelRun, ZooWorkerStats };

export interface ZooRunCallbacks {
  /** The worker's backend is up: `backend` is the one it trains on, `fallback` says why it differs from the request ('' if not). */
  onStarted?(backend: BackendName, fallback: string): void;
  /** After each batch: the fraction of the whole run done and the index of the model training. */
  onProgress?(fraction: number, model: number): void;
  onRow?(row: ZooResult): void;
}

export interface ZooRunOptions {
  backend: BackendName;
  runs: ZooModelRun[];
  epochs: number;
  /** Their buffers are transferred to the worker (unusable here afterwards): pass copies, e.g. from zooDigits. */
  train: MnistData;
  val: MnistData;
}

/** Copies of the first `trainDigits` training and `valDigits` validation digits of a split, ready to transfer. */
export function zooDigits(
  data: MnistData,
  split: MnistSplit,
  trainDigits: number,
  valDigits: number,
): Pick<ZooRunOptions, 'train' | 'val'> {
  return { train: mnistSubset(data, split.train.slice(0, trainDigits)), val: mnistSubset(data, split.val.slice(0, valDigits)) };
}

interface Pending {
  runId: number;
  callbacks: ZooRunCallbacks;
  resolve: (stats: ZooWorkerStats) => void;
  reject: (error: Error) => void;
}

export class ZooWorkerClient {
  #worker: Worker | null = null;
  #runId = 0;
  #pending: Pending | null = null;

  /** Trains `runs` in the worker; resolves with its stats when done or stopped, rejects with the worker's error. */
  run(options: ZooRunOptions, callbacks: ZooRunCallbacks = {}): Promise<ZooWorkerStats> {
    if (this.#pending) return Promise.reject(new Error('a zoo run is already in progress; stop it first'));
    const worker = this.#ensureWorker();
    const runId = ++this.#runId;
    const { train, val } = options;
    return new Promise((resolve, reject) => {
      this.#pending = { runId, callbacks, resolve, reject };
      const msg: ZooRequest = { type: 'run', runId, ...options };
      worker.postMessage(msg, [train.pixels.buffer, train.labels.buffer, val.pixels.buffer, val.labels.buffer]);
    });
  }

  /** Stops the running model after its current batch; the run resolves with `stopped: true`. */
  stop(): void {
    if (this.#pending) this.#send({ type: 'stop' });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#settle()?.reject(new Error('the zoo worker was closed'));
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./zoo.worker.ts', import.meta.url), { type: 'module', name: 'zoo' });
    worker.onmessage = (e: MessageEvent<ZooResponse>) => this.#onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      // A worker that failed to load or crashed is started afresh on the next run.
      worker.terminate();
      if (this.#worker === worker) this.#worker = null;
      this.#settle()?.reject(new Error(`the zoo worker stopped: ${e.message || 'it failed to load or crashed (out of memory?)'}`));
    };
    return (this.#worker = worker);
  }

  #send(msg: ZooRequest): void {
    this.#worker?.postMessage(msg);
  }

  /** Ends the pending run and returns it (null when none). */
  #settle(): Pending | null {
    const p = this.#pending;
    this.#pending = null;
    return p;
  }

  #onMessage(msg: ZooResponse): void {
    const p = this.#pending;
    if (!p || msg.runId !== p.runId) return;
    if (msg.type === 'started') p.callbacks.onStarted?.(msg.backend, msg.fallback);
    else if (msg.type === 'progress') p.callbacks.onProgress?.(msg.fraction, msg.model);
    else if (msg.type === 'row') p.callbacks.onRow?.(msg.row);
    else if (msg.type === 'error') this.#settle()?.reject(new Error(msg.message));
    else {
      const { backend, numTensorsBefore, numTensorsAfter, batches, stopped } = msg;
      this.#settle()?.resolve({ backend, numTensorsBefore, numTensorsAfter, batches, stopped });
    }
  }
}
