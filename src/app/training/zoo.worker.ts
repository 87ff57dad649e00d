/// <reference lib="webworker" />
/**
 * Architecture zoo worker: trains the zoo's models off the page's main
 * thread with the core's runZooModel, so a batch never blocks the page. It
 * starts the requested TF.js backend once (the same selection and WASM paths
 * as the detection workers), builds the digit tensors from the transferred
 * bytes, and disposes every tensor it made before it reports `done`.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendName, type BackendSelection } from '../../core/backend/select';
import {
  mnistTensors,
  registerWasmConvBackpropFilter,
  runZooModel,
  validateZooRunConfig,
  type MnistData,
} from '../../core/training/index.ts';
import { registerBrowserBackend } from '../engine/registerBrowserBackend';
import type { ZooRequest, ZooResponse, ZooRunRequest } from './zooProtocol';

/** Batch size of every zoo run (runZooModel's default), for the progress fraction. */
const BATCH = validateZooRunConfig({ preset: 'lenet5' }).batchSize;

const post = (msg: ZooResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

let backend: { requested: BackendName; selection: BackendSelection } | null = null;
let abort: AbortController | null = null;

async function ensureBackend(requested: BackendName): Promise<BackendSelection> {
  if (backend?.requested === requested) return backend.selection;
  // WASM in tfjs 4.22 lacks the conv filter gradient; the shim is idempotent.
  registerWasmConvBackpropFilter();
  const selection = await selectBackend({ choice: requested, register: registerBrowserBackend });
  backend = { requested, selection };
  return selection;
}

/** Why the worker runs on another backend than the page asked for ('' when it got it). */
function fallbackReason(requested: BackendName, s: BackendSelection): string {
  if (s.name === requested) return '';
  const failed = s.attempts.find((a) => a.name === requested && !a.ok);
  return `${requested} could not start in the worker${failed ? `: ${failed.detail}` : ''}`;
}

const all = (d: MnistData) => Array.from({ length: d.count }, (_, i) => i);

async function run(req: ZooRunRequest): Promise<void> {
  const selection = await ensureBackend(req.backend);
  post({
    type: 'started',
    runId: req.runId,
    backend: selection.name,
    requested: req.backend,
    fallback: fallbackReason(req.backend, selection),
  });
  const numTensorsBefore = tf.memory().numTensors;
  const train = mnistTensors(req.train, all(req.train));
  const val = mnistTensors(req.val, all(req.val));
  const batches = Math.ceil(req.train.count / BATCH);
  const signal = (abort = new AbortController()).signal;
  let done = 0;
  try {
    for (const [model, { preset, skip }] of req.runs.entries()) {
      const row = await runZooModel(
        validateZooRunConfig({ preset, epochs: req.epochs, skip, batchSize: BATCH }),
        { x: train.x, y: train.y, xVal: val.x, valLabels: Array.from(req.val.labels) },
        {
          signal,
          onBatchEnd: () =>
            post({ type: 'progress', runId: req.runId, model, fraction: ++done / (batches * req.epochs * req.runs.length) }),
        },
      );
      if (row.stopReason === 'aborted') break;
      post({ type: 'row', runId: req.runId, row });
    }
  } finally {
    tf.dispose([train.x, train.y, val.x, val.y]);
    abort = null;
  }
  const numTensorsAfter = tf.memory().numTensors;
  post({
    type: 'done',
    runId: req.runId,
    backend: selection.name,
    numTensorsBefore,
    numTensorsAfter,
    batches: done,
    stopped: signal.aborted,
  });
}

self.onmessage = (e: MessageEvent<ZooRequest>) => {
  const msg = e.data;
  if (msg.type === 'stop') abort?.abort();
  else
    run(msg).catch((err: unknown) => post({ type: 'error', runId: msg.runId, message: err instanceof Error ? err.message : String(err) }));
};
