/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../core/backend/select';
import type { Detection } from '../../core/detection';
import { isResizable, type Detector } from '../../core/detection';
import { InputSizeController, StreamRunner, loadStreamDetector, type PipelineTimings, type StreamRunnerOptions } from '../../core/pipeline';
import type { TrackOutput } from '../../core/tracking';
import { loadSegmenter, type PersonMask, type Segmenter } from '../../core/segmentation';
import { registerBrowserBackend } from './registerBrowserBackend';
import { WorkerClassifier } from '../classifier/workerClassifier';
import type { EngineReady, EngineRequest, EngineResponse, MaskFrame } from './protocol';

/**
 * Pipeline worker: owns the TF.js backend and the stream's `StreamRunner`
 * (detector and tracker, with the same settings as the video view and the
 * CLI), so inference never blocks the page. The page's `LiveLoop` decides
 * which camera frames come here; they arrive as transferred ImageBitmaps and
 * are closed here on every path.
 */
let runner: StreamRunner | null = null;
let segmenter: Segmenter | null = null;
let segmentEvery = 0;
let detections = 0;
let sizer: InputSizeController | null = null;
let frameRate = 30;
/** What a runner is rebuilt from when the camera's frame rate differs from the one it was made for. */
let runnerOptions: StreamRunnerOptions | null = null;

const post = (msg: EngineResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);
const classifier = new WorkerClassifier(post);

/** Camera-sized blank frame timed once after loading, so the tracker's time settings fit the detector's pace. */
const PROBE_SIZE = { width: 640, height: 480 };

async function probeDetectMs(detector: Detector): Promise<number> {
  const blank = tf.zeros([PROBE_SIZE.height, PROBE_SIZE.width, 3], 'int32') as tf.Tensor3D;
  try {
    const t0 = performance.now();
    await detector.detect(blank);
    return performance.now() - t0;
  } finally {
    blank.dispose();
  }
}

async function init(msg: Extract<EngineRequest, { type: 'init' }>): Promise<void> {
  runner?.dispose();
  segmenter?.dispose();
  runner = null;
  segmenter = null;
  const backend = await selectBackend({ choice: msg.backend, register: registerBrowserBackend });
  if (backend.name === 'webgl') watchGpuContext();
  const t0 = performance.now();
  const { detector, warning } = await loadStreamDetector(msg.detector, {
    models: msg.modelBaseUrl,
    appearance: msg.tracking.appearance,
    cocoSsd: { baseUrl: msg.appBaseUrl },
    inputSize: msg.tracking.inputSize === 'auto' ? undefined : msg.tracking.inputSize,
  });
  const name = detector.name as EngineReady['detector'];
  const { cadence, classes } = msg.tracking;
  frameRate = msg.tracking.frameRate;
  sizer = isResizable(detector) ? new InputSizeController(msg.tracking.inputSize, cadence) : null;
  runnerOptions = {
    frameRate,
    cadence,
    latency: 'measured',
    expectedDetectMs: await probeDetectMs(detector),
    classes,
    detectorConfig: msg.config,
  };
  runner = new StreamRunner(detector, runnerOptions);
  segmentEvery = msg.tracking.segmentEvery;
  if (segmentEvery > 0) segmenter = await loadSegmenter({ source: msg.modelBaseUrl });
  post({ type: 'ready', backend, detector: name, warning, warmupMs: performance.now() - t0, trackerEvery: runner.every });
}

async function detect(msg: Extract<EngineRequest, { type: 'detect' }>): Promise<void> {
  try {
    if (!runner) throw new Error('pipeline not ready');
    const r = await runner.detect(msg.frame, msg.index);
    const tracks = await classifier.afterDetect(
      runner.detector,
      msg.frame,
      r.detections,
      r.tracks.map(({ lateBoxes: _late, ...t }) => t),
    );
    const sized = resize(runner.detector, r.timings, r.tracks, msg.frame);
    const dets = r.detections.map(({ embedding: _e, ...d }: Detection & { embedding?: Float32Array }) => d);
    const t0 = performance.now();
    const mask = segmenter && detections++ % segmentEvery === 0 ? toMaskFrame(await segmenter.segment(msg.frame)) : undefined;
    const timings = { ...r.timings, segmentMs: mask ? performance.now() - t0 : 0 };
    const result: EngineResponse = {
      type: 'result',
      id: msg.id,
      index: msg.index,
      detections: dets,
      tracks,
      mask,
      timings,
      ...sized,
      frameRate,
      numTensors: tf.memory().numTensors,
      numBytes: tf.memory().numBytes,
    };
    (self as unknown as DedicatedWorkerGlobalScope).postMessage(result, mask ? [mask.data.buffer] : []);
  } finally {
    msg.frame.close();
  }
}

/**
 * Input size and cadence chosen together from this detection's time and the
 * tracked people's heights; a new size loads in the background while detection
 * continues at the current one.
 */
function resize(
  detector: Detector,
  timings: PipelineTimings,
  tracks: readonly TrackOutput[],
  frame: ImageBitmap,
): { inputSize: number | null; plannedCadence: number | null } {
  if (!sizer || !isResizable(detector)) return { inputSize: null, plannedCadence: null };
  const detectMs = timings.preprocessMs + timings.inferenceMs + timings.postprocessMs + timings.embedMs;
  const boxes = tracks.map((t) => t.box);
  const choice = sizer.observe(detector.inputSize, detectMs, boxes, frame, 1000 / frameRate);
  if (choice.inputSize !== detector.inputSize) {
    detector
      .setInputSize(choice.inputSize)
      .catch((e: unknown) => post({ type: 'error', message: `input size ${choice.inputSize}: ${String(e)}` }));
  }
  return { inputSize: detector.inputSize, plannedCadence: choice.cadence };
}

/** The WebGL backend's context, when it is the active backend. */
function webglContext(): WebGL2RenderingContext | null {
  const b = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  return tf.getBackend() === 'webgl' ? (b.gpgpu?.gl ?? null) : null;
}

/** A lost context makes every later op fail: report it once so the page rebuilds. */
function watchGpuContext(): void {
  const canvas = webglContext()?.canvas as OffscreenCanvas | undefined;
  canvas?.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    post({ type: 'fault', message: 'The WebGL context was lost (GPU reset, driver update or too many contexts)' });
  });
}

/** Quantises the mask to bytes: a quarter of the transfer size, ample for display. */
function toMaskFrame(m: PersonMask): MaskFrame {
  const data = new Uint8Array(m.data.length);
  for (let k = 0; k < data.length; k++) data[k] = Math.round(m.data[k] * 255);
  return { width: m.width, height: m.height, data, sourceWidth: m.sourceWidth, sourceHeight: m.sourceHeight };
}

/**
 * Puts the tracker's clock on the camera's frame rate: a new runner on the
 * same detector (its settings in frames are derived from the rate), so the
 * time settings mean seconds. Called between streams, with no track to keep.
 */
function onFrameRate(rate: number): void {
  frameRate = rate;
  if (!runner || !runnerOptions) return;
  runnerOptions = { ...runnerOptions, frameRate };
  // The old runner is dropped, not disposed: that would dispose the detector both share.
  runner = new StreamRunner(runner.detector, runnerOptions);
}

function handle(msg: EngineRequest): Promise<void> {
  switch (msg.type) {
    case 'init':
      return init(msg);
    case 'detect':
      return detect(msg);
    case 'config':
      runner?.detector.setConfig(msg.config);
      if (runnerOptions) runnerOptions = { ...runnerOptions, detectorConfig: { ...runnerOptions.detectorConfig, ...msg.config } };
      return Promise.resolve();
    case 'loseGpuContext':
      webglContext()?.getExtension('WEBGL_lose_context')?.loseContext();
      return Promise.resolve();
    case 'classifier':
      return classifier.handle(msg, runner?.detector);
    case 'reset':
      if (msg.frameRate !== undefined && msg.frameRate !== frameRate) onFrameRate(msg.frameRate);
      runner?.resetTracks();
      classifier.resetTracks();
      detections = 0;
      return Promise.resolve();
  }
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const msg = event.data;
  handle(msg).catch((e: unknown) =>
    post({ type: 'error', id: msg.type === 'detect' ? msg.id : undefined, message: e instanceof Error ? e.message : String(e) }),
  );
};
