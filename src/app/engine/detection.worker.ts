/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../core/backend/select';
import { loadDetectorWithFallback } from '../../core/detection';
import { TRACKER_PRESETS, TrackingPipeline } from '../../core/pipeline';
import { configForFrameRate, DEFAULT_TIME_SETTINGS } from '../../core/tracking';
import { registerBrowserBackend } from './registerBrowserBackend';
import type { EngineReady, EngineRequest, EngineResponse } from './protocol';

/**
 * Pipeline worker: owns the TF.js backend, the detector and the tracker, so
 * inference never blocks the page. Frames arrive as transferred ImageBitmaps
 * and are closed here on every path.
 */
let pipeline: TrackingPipeline | null = null;

const post = (msg: EngineResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

async function init(msg: Extract<EngineRequest, { type: 'init' }>): Promise<void> {
  pipeline?.dispose();
  pipeline = null;
  const backend = await selectBackend({ choice: msg.backend, register: registerBrowserBackend });
  const t0 = performance.now();
  const preset = TRACKER_PRESETS[msg.detector];
  const { detector, warning } = await loadDetectorWithFallback(msg.detector, {
    models: msg.modelBaseUrl,
    cocoSsd: { baseUrl: msg.appBaseUrl },
    ...msg.config,
    ...(msg.tracking.classes ? { classes: msg.tracking.classes } : {}),
  });
  const name = detector.name as EngineReady['detector'];
  const trackerConfig = configForFrameRate(TRACKER_PRESETS[name] ?? preset, msg.tracking.updatesPerSecond, DEFAULT_TIME_SETTINGS);
  pipeline = new TrackingPipeline(detector, trackerConfig);
  post({ type: 'ready', backend, detector: name, warning, warmupMs: performance.now() - t0 });
}

async function detect(msg: Extract<EngineRequest, { type: 'detect' }>): Promise<void> {
  try {
    if (!pipeline) throw new Error('pipeline not ready');
    const r = await pipeline.detectAndTrack(msg.frame, msg.index);
    const tracks = r.tracks.map(({ lateBoxes: _late, ...t }) => t);
    post({ type: 'result', id: msg.id, index: msg.index, detections: [...r.detections], tracks, timings: r.timings, numTensors: tf.memory().numTensors });
  } finally {
    msg.frame.close();
  }
}

function handle(msg: EngineRequest): Promise<void> {
  switch (msg.type) {
    case 'init':
      return init(msg);
    case 'detect':
      return detect(msg);
    case 'config':
      pipeline?.detector.setConfig(msg.config);
      return Promise.resolve();
    case 'reset':
      pipeline?.resetTracks();
      return Promise.resolve();
  }
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const msg = event.data;
  handle(msg).catch((e: unknown) =>
    post({ type: 'error', id: msg.type === 'detect' ? msg.id : undefined, message: e instanceof Error ? e.message : String(e) }),
  );
};
