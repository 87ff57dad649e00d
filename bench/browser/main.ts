import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendChoice, type BackendName, type BackendSelection } from '../../src/core/backend/select';
import { loadDetector, type CenterNetInputSize, type DetectorName } from '../../src/core/detection';
import { registerBrowserBackend } from '../../src/app/engine/registerBrowserBackend';
import { ZooWorkerClient, zooDigits } from '../../src/app/training/zooClient';
import { splitMnist } from '../../src/core/training/mnistData';
import { fetchMnist } from '../../src/core/training/mnistFetch';
import { registerWasmConvBackpropFilter } from '../../src/core/training/wasmConvBackpropFilter';
import { runZooBenchRows, ZOO_BENCH_ROWS, type ZooBenchRun } from '../../src/core/training/zooBench';
import type { ZooResult } from '../../src/core/training/zooRun';
import type { BrowserZooRun } from '../lib/browser-zoo';
import { LADDER_RUNGS, runLadder, type LadderTimes } from '../lib/ladderRun';

/** One measured frame: per-stage milliseconds and the detection count. */
export interface BenchSample {
  capture: number;
  preprocess: number;
  inference: number;
  postprocess: number;
  detections: number;
}

/** What the page ran on: WASM threads only exist in a cross-origin isolated page. */
export interface BenchEnvironment {
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  /** tf.wasm thread count (1 = single-threaded); undefined on other backends. */
  wasmThreads?: number;
}

export interface BrowserLadderRun extends LadderTimes {
  backend: BackendSelection;
  environment: BenchEnvironment;
}

export interface BenchRun {
  backend: BackendSelection;
  environment: BenchEnvironment;
  warmupMs: number;
  samples: BenchSample[];
  numTensorsBefore: number;
  numTensorsAfter: number;
}

const log = (line: string) => {
  document.getElementById('log')!.textContent += `${line}\n`;
};

/** Selects the backend (forcing a WASM thread count when given) and reports what the page runs on. */
async function startBackend(
  choice: BackendChoice,
  wasmThreads?: number,
): Promise<{ backend: BackendSelection; environment: BenchEnvironment }> {
  const register = async (name: BackendName) => {
    await registerBrowserBackend(name);
    if (name === 'wasm' && wasmThreads !== undefined) (await import('@tensorflow/tfjs-backend-wasm')).setThreadsCount(wasmThreads);
  };
  const backend = await selectBackend({ choice, register, probeTimeoutMs: 60_000 });
  const environment: BenchEnvironment = {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    wasmThreads: backend.name === 'wasm' ? (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount() : undefined,
  };
  log(`backend ${backend.name} on ${backend.renderer}; ${JSON.stringify(environment)}`);
  return { backend, environment };
}

/**
 * Runs the detector on real frames in this page and returns raw samples; the
 * Node driver computes medians/p95 so Node and browser rows share one code path.
 */
async function runDetect(opts: {
  backend: BackendChoice;
  detector: DetectorName;
  images: string[];
  frames: number;
  inputSize?: CenterNetInputSize;
  /** WASM thread count to force (default: the backend's own choice). */
  wasmThreads?: number;
}): Promise<BenchRun> {
  const register = async (name: BackendName) => {
    await registerBrowserBackend(name);
    if (name === 'wasm' && opts.wasmThreads !== undefined)
      (await import('@tensorflow/tfjs-backend-wasm')).setThreadsCount(opts.wasmThreads);
  };
  const backend = await selectBackend({ choice: opts.backend, register, probeTimeoutMs: 60_000 });
  const environment: BenchEnvironment = {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    wasmThreads: backend.name === 'wasm' ? (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount() : undefined,
  };
  log(`backend ${backend.name} on ${backend.renderer}`);
  const t0 = performance.now();
  const detector = await loadDetector(opts.detector, { models: new URL('/models/', location.href).href, inputSize: opts.inputSize });
  const warmupMs = performance.now() - t0;
  const blobs = await Promise.all(opts.images.map(async (u) => (await fetch(u)).blob()));
  const numTensorsBefore = tf.memory().numTensors;
  const samples: BenchSample[] = [];
  let numTensorsAfter: number;
  try {
    for (let i = 0; i < opts.frames; i++) {
      const c0 = performance.now();
      const bitmap = await createImageBitmap(blobs[i % blobs.length]);
      const capture = performance.now() - c0;
      const dets = await detector.detect(bitmap);
      bitmap.close();
      const t = detector.lastTimings;
      samples.push({
        capture,
        preprocess: t.preprocessMs,
        inference: t.inferenceMs,
        postprocess: t.postprocessMs,
        detections: dets.length,
      });
      log(`frame ${i}: ${dets.length} detections, inference ${t.inferenceMs.toFixed(1)} ms`);
    }
    numTensorsAfter = tf.memory().numTensors;
  } finally {
    detector.dispose();
  }
  return { backend, environment, warmupMs, samples, numTensorsBefore, numTensorsAfter };
}

/**
 * The detector ladder (bench/lib/ladderRun.ts) in this page: every rung
 * loaded, then round-robin over the frames. Each image is decoded once into an
 * ImageBitmap beforehand, as Node reads each image into a tensor once, so the
 * times are the detectors' own (preprocessing from the bitmap included).
 */
async function runLadderBench(opts: {
  backend: BackendChoice;
  images: string[];
  rounds: number;
  wasmThreads?: number;
}): Promise<BrowserLadderRun> {
  const { backend, environment } = await startBackend(opts.backend, opts.wasmThreads);
  const bitmaps = await Promise.all(opts.images.map(async (u) => createImageBitmap(await (await fetch(u)).blob())));
  try {
    const progress = (done: number, total: number) => {
      log(`ladder frame ${done}/${total}`);
      if (done % Math.max(1, Math.round(total / 10)) === 0) console.log(`ladder frame ${done}/${total}`);
    };
    const times = await runLadder(LADDER_RUNGS, new URL('/models/', location.href).href, bitmaps, opts.rounds, progress);
    return { backend, environment, ...times };
  } finally {
    for (const b of bitmaps) b.close();
  }
}

/** Records when each row arrived and logs it for the Node driver. */
function onZooRow(r: ZooResult, rowBounds: number[]): void {
  rowBounds.push(performance.now());
  console.log(
    `[zoo] ${r.preset}${r.skip ? '' : ' (no skip)'}: ${Math.round(r.msPerEpoch)} ms/epoch, val ${(r.valAccuracy * 100).toFixed(1)}%`,
  );
}

/** Runs `body` while a 'longtask' PerformanceObserver records every main-thread task over 50 ms. */
async function observeLongTasks(
  body: (rowBounds: number[]) => Promise<Omit<BrowserZooRun, 'longTasks' | 'rowBounds'>>,
): Promise<BrowserZooRun> {
  if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) throw new Error("this browser has no 'longtask' entries");
  const longTasks: BrowserZooRun['longTasks'] = [];
  const keep = (entries: PerformanceEntryList) => longTasks.push(...entries.map((e) => ({ start: e.startTime, ms: e.duration })));
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'longtask' });
  const rowBounds: number[] = [];
  try {
    const run = await body(rowBounds);
    keep(observer.takeRecords());
    return { ...run, longTasks, rowBounds };
  } finally {
    observer.disconnect();
  }
}

/**
 * The architecture zoo as the Training view's zoo panel runs it: in the zoo
 * worker, through the panel's own client, with every main-thread task over
 * 50 ms recorded (the target: the longest under 100 ms).
 */
async function runZoo(opts: ZooBenchRun & { backend: BackendName }): Promise<BrowserZooRun> {
  const mnist = await fetchMnist(new URL('/models/mnist/', location.href).href);
  const digits = zooDigits(mnist, splitMnist(mnist.count), opts.digits, opts.valDigits);
  const client = new ZooWorkerClient();
  try {
    return await observeLongTasks(async (rowBounds) => {
      const rows: ZooResult[] = [];
      const worker = await client.run(
        { backend: opts.backend, runs: [...ZOO_BENCH_ROWS], epochs: opts.epochs, ...digits },
        {
          // The worker's backend start-up and the MNIST fetch are not part of the run.
          onStarted: () => rowBounds.push(performance.now()),
          onRow: (r) => {
            rows.push(r);
            onZooRow(r, rowBounds);
          },
        },
      );
      return { backend: worker.backend, rows, worker };
    });
  } finally {
    client.dispose();
  }
}

/**
 * The baseline: the same rows on this page's main thread (the zoo panel's
 * path before the worker), with the same 'longtask' observer.
 */
async function runZooMainThread(opts: ZooBenchRun & { backend: BackendName }): Promise<BrowserZooRun> {
  registerWasmConvBackpropFilter();
  const backend = await selectBackend({ choice: opts.backend, register: registerBrowserBackend, probeTimeoutMs: 60_000 });
  const mnist = await fetchMnist(new URL('/models/mnist/', location.href).href);
  return observeLongTasks(async (rowBounds) => {
    rowBounds.push(performance.now()); // backend start-up and the MNIST fetch are not part of the run
    const rows = await runZooBenchRows(mnist, opts, (r) => onZooRow(r, rowBounds));
    return { backend: backend.name, rows };
  });
}

(window as unknown as { trackscopeBench: unknown }).trackscopeBench = { runDetect, runLadderBench, runZoo, runZooMainThread };
log('ready');
