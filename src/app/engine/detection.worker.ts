/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../core/backend/select';
import { loadDetectorWithFallback } from '../../core/detection';
import type { Detector } from '../../core/detection/types';
import { registerBrowserBackend } from './registerBrowserBackend';
import type { EngineReady, EngineRequest, EngineResponse } from './protocol';

/**
 * Detection worker: owns the TF.js backend and the detector so inference never
 * blocks the page. Frames arrive as transferred ImageBitmaps and are closed here.
 */
let detector: Detector | null = null;

const post = (msg: EngineResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

async function init(msg: Extract<EngineRequest, { type: 'init' }>): Promise<void> {
  detector?.dispose();
  detector = null;
  const backend = await selectBackend({ choice: msg.backend, register: registerBrowserBackend });
  const t0 = performance.now();
  const { detector: loaded, warning } = await loadDetectorWithFallback(msg.detector, {
    models: msg.modelBaseUrl,
    cocoSsd: { baseUrl: msg.appBaseUrl },
    ...msg.config,
  });
  detector = loaded;
  post({ type: 'ready', backend, detector: loaded.name as EngineReady['detector'], warning, warmupMs: performance.now() - t0 });
}

async function detect(msg: Extract<EngineRequest, { type: 'detect' }>): Promise<void> {
  try {
    if (!detector) throw new Error('detector not ready');
    const detections = await detector.detect(msg.frame);
    post({ type: 'result', id: msg.id, detections, timings: detector.lastTimings, numTensors: tf.memory().numTensors });
  } finally {
    msg.frame.close();
  }
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const msg = event.data;
  const run = msg.type === 'init' ? init(msg) : msg.type === 'detect' ? detect(msg) : Promise.resolve(detector?.setConfig(msg.config));
  run.catch((e: unknown) => post({ type: 'error', id: msg.type === 'detect' ? msg.id : undefined, message: e instanceof Error ? e.message : String(e) }));
};
