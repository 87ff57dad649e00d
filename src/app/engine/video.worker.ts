/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendSelection } from '../../core/backend/select';
import type { Detector, DetectorName } from '../../core/detection';
import { DEFAULT_APPEARANCE, PixelMotion, StreamRunner, loadStreamDetector, streamSettings, trackerPresetFor } from '../../core/pipeline';
import { DetectionCacheRecorder, serializeDetectionCache } from '../../core/pipeline/detectionCache';
import { encodeMaskRle, loadSegmenter, withSourceSize, type MaskRle, type Segmenter } from '../../core/segmentation';
import { inferenceSize, openVideo, videoFrameToRgb, type VideoMetadata } from '../../browser/video';
import type {
  ExplainReply,
  ProcessRequest,
  ReplayInfo,
  RestoreRequest,
  RetrackRequest,
  VideoReply,
  VideoRequest,
  WorkerStats,
} from '../video/protocol';
import type { RunFacts } from '../video/savedDetectionsDb';
import { scaleDetections, scaleTracks } from '../video/scaleResult';
import { readDetectionsFile, recordedFrames, type RecordedVideo } from './recordedVideo';
import { persistRecording, restoreRecording } from './persistDetections';
import { registerBrowserBackend } from './registerBrowserBackend';
import { FirstBoxes, thumbnail, thumbnailsOf } from './thumbnails';
import { VideoBatcher, type VideoBody } from './videoBatcher';
import { WorkerRuns } from './workerRuns';
import { explainFrame, replayTracking } from './videoReplay';

/**
 * Uploaded-video worker: opens the File with the decode layer, runs every
 * frame through a `StreamRunner` (exactly like `npm run track`), and streams results back in small batches. Frames are
 * RGB bytes → int32 tensor, the CLI's input path; each VideoFrame and tensor
 * is released on every path. The detector stays loaded between runs.
 *
 * While it processes, it records the detection cache (the CLI's
 * `--save-detections` format). A re-track replays it through the same
 * `StreamRunner` with new tracker settings, without the detector.
 */
const postTo = (runId: number, msg: VideoBody) => (self as unknown as DedicatedWorkerGlobalScope).postMessage({ runId, ...msg });
const reply = (msg: VideoReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

let loaded: { key: string; detector: Detector; segmenter: Segmenter; backend: BackendSelection; warning?: string } | null = null;
const runs = new WorkerRuns();
/** The last processed upload and its detection cache, for re-tracking. */
let recorded: RecordedVideo | null = null;
/** Calls of the loaded detector (any detector this worker loaded), for tests: a re-track must add none. */
let detectCalls = 0;

const stats = (): WorkerStats => ({ detectCalls, numTensors: tf.memory().numTensors, cachedFrames: recorded?.cache.frames.length ?? 0 });

/** Counts every `detect` call of `detector` (it stays the same object). */
function counted(detector: Detector): Detector {
  const detect = detector.detect.bind(detector);
  detector.detect = (...args) => {
    detectCalls++;
    return detect(...args);
  };
  return detector;
}

async function ensureDetector(req: ProcessRequest, fps: number) {
  const key = `${req.backend}|${req.detector}`;
  if (loaded?.key === key) return loaded;
  loaded?.detector.dispose();
  loaded?.segmenter.dispose();
  loaded = null;
  const backend = await selectBackend({ choice: req.backend, register: registerBrowserBackend });
  // The CLI's loader and defaults (appearance embedding included), so both give the same tracks.
  const { detector, warning } = await loadStreamDetector(req.detector, {
    models: req.modelBaseUrl,
    appearance: DEFAULT_APPEARANCE,
    cocoSsd: { baseUrl: req.appBaseUrl },
    ...streamSettings(req.detector, fps, req.every).detector,
  });
  // Person masks on every detected frame: the results view and the JSON export show them.
  const segmenter = await loadSegmenter({ source: req.modelBaseUrl });
  loaded = { key, detector: counted(detector), segmenter, backend, warning };
  return loaded;
}

function expected(meta: VideoMetadata): { count: number; estimate: boolean } {
  if (meta.frameCount !== null) return { count: meta.frameCount, estimate: false };
  return { count: Math.max(1, Math.round((meta.durationUs / 1e6) * meta.frameRate.fps)), estimate: true };
}

/** Runs `work`, then reports `done` (or `error`, unless the user cancelled). */
async function finishRun(runId: number, batcher: VideoBatcher, abort: AbortController, work: () => Promise<void>): Promise<void> {
  const post = (msg: VideoBody) => postTo(runId, msg);
  const done = () =>
    post({ type: 'done', cancelled: abort.signal.aborted, framesDone: batcher.framesDone, elapsedMs: batcher.elapsedMs(), stats: stats() });
  try {
    await work();
    done();
  } catch (error) {
    batcher.flush();
    if (abort.signal.aborted) done();
    else {
      const e = error instanceof Error ? error : new Error(String(error));
      post({ type: 'error', name: e.name, message: e.message, framesDone: batcher.framesDone });
    }
  }
}

async function processFile(req: ProcessRequest, runId: number, abort: AbortController): Promise<void> {
  const post = (msg: VideoBody) => postTo(runId, msg);
  let t0 = performance.now();
  const batcher = new VideoBatcher(post, () => performance.now() - t0);
  await finishRun(runId, batcher, abort, async () => {
    const source = await openVideo(req.file, { signal: abort.signal });
    const recorder = new DetectionCacheRecorder();
    const timestampsUs: number[] = [];
    try {
      const meta = source.metadata;
      const fps = meta.frameRate.fps;
      const { detector, segmenter, backend, warning } = await ensureDetector(req, fps);
      // Pixel motion between detections, as the CLI's default (`--flow on`) does, so both give the same tracks.
      const motion = req.every > 1 ? new PixelMotion() : undefined;
      const preset = { ...trackerPresetFor(detector.name), ...req.tracker };
      const runner = new StreamRunner(detector, { frameRate: fps, cadence: req.every, motion, preset });
      const inference = inferenceSize(meta);
      const sx = meta.width / inference.width;
      const sy = meta.height / inference.height;
      const exp = expected(meta);
      const facts: RunFacts = { inference, backend, detector: detector.name as DetectorName, ...(warning ? { warning } : {}) };
      t0 = performance.now(); // fps and ETA count processing only, not opening or model loading
      post({ type: 'opened', metadata: meta, ...facts, expectedFrames: exp.count, expectedIsEstimate: exp.estimate });
      const firsts = new FirstBoxes();
      for await (const { frame, index, timestampUs } of source.frames({ signal: abort.signal })) {
        try {
          let result;
          let mask: MaskRle | undefined;
          const rgb = await videoFrameToRgb(frame, inference);
          const tensor = tf.tensor3d(rgb.data, [rgb.height, rgb.width, 3], 'int32');
          try {
            result = await runner.step(tensor, index);
            if (result.detected) batcher.addEmbeddings(result.tracks, result.detections);
            if (result.detected) mask = encodeMaskRle(withSourceSize(await segmenter.segment(tensor), meta.width, meta.height));
          } finally {
            tensor.dispose();
          }
          // The cache is in source pixels, like the CLI's, so it can be saved and re-tracked anywhere.
          recorder.add({ ...result, detections: scaleDetections(result.detections, sx, sy) }, mask);
          timestampsUs[index] = timestampUs;
          const tracks = scaleTracks(result.tracks, sx, sy);
          firsts.add(index, tracks);
          for (const { id, box } of firsts.byFrame.get(index) ?? []) batcher.addThumb({ id, image: await thumbnail(frame, box) });
          batcher.add({ index, timestampUs, detected: result.detected, tracks, mask });
        } finally {
          frame.close();
        }
        await runs.gate();
        if (abort.signal.aborted) break;
      }
      batcher.flush();
      const video = { fileName: meta.fileName, width: meta.width, height: meta.height, frameRate: fps, frameCount: timestampsUs.length };
      const appearance = detector.name === 'centernet' ? DEFAULT_APPEARANCE : 'off';
      // A run cancelled before its first frame shows no new results, so the earlier cache stays with the earlier results.
      if (timestampsUs.length === 0) return;
      const recording: RecordedVideo = {
        file: req.file,
        metadata: meta,
        timestampsUs,
        cache: recorder.build(video, detector.name, appearance),
      };
      recorded = recording;
      // Only a complete run is kept: a restore replays the whole video. Keyed by the detector asked for, as the page looks it up.
      if (req.persist && !abort.signal.aborted) {
        post({
          type: 'saved',
          ...(await persistRecording(recording, { detector: req.detector, every: req.every, run: facts })),
        });
      }
    } finally {
      source.close();
    }
  });
}

/** Re-tracks the recorded video (after loading `req.detections`, if given) with new tracker settings. */
async function retrack(req: RetrackRequest, runId: number, abort: AbortController): Promise<void> {
  const post = (msg: VideoBody) => postTo(runId, msg);
  const t0 = performance.now();
  const batcher = new VideoBatcher(post, () => performance.now() - t0);
  await finishRun(runId, batcher, abort, async () => {
    const video = recorded;
    if (!video) throw Object.assign(new Error('process a video first: re-tracking replays its detections'), { name: 'NoDetectionsError' });
    if (req.detections) {
      video.cache = await readDetectionsFile(req.detections, video);
      video.loadedFrom = req.detections.name;
    }
    await replayWithThumbnails(video, req.tracker, batcher, abort.signal, post);
  });
}

/** Re-tracks `req.file` from its detections saved in IndexedDB: the detector is not loaded. */
async function restore(req: RestoreRequest, runId: number, abort: AbortController): Promise<void> {
  const post = (msg: VideoBody) => postTo(runId, msg);
  const t0 = performance.now();
  const batcher = new VideoBatcher(post, () => performance.now() - t0);
  await finishRun(runId, batcher, abort, async () => {
    const { video, entry } = await restoreRecording(req.file, req.key, abort.signal);
    recorded = video;
    await replayWithThumbnails(video, req.tracker, batcher, abort.signal, post, { metadata: video.metadata, entry });
  });
}

/** Announces the replay, re-tracks `video`, then cuts each new track's thumbnail from the video's pixels. */
async function replayWithThumbnails(
  video: RecordedVideo,
  tracker: RetrackRequest['tracker'],
  batcher: VideoBatcher,
  signal: AbortSignal,
  post: (msg: VideoBody) => void,
  restored?: ReplayInfo['restored'],
): Promise<void> {
  const { cache } = video;
  post({
    type: 'replay',
    detector: cache.detector,
    appearance: cache.appearance,
    frames: recordedFrames(video),
    detectedFrames: cache.frames.length,
    ...(video.loadedFrom ? { loadedFrom: video.loadedFrom } : {}),
    ...(restored ? { restored } : {}),
  });
  const firsts = await replayTracking(video, tracker, batcher, signal, runs.gate);
  if (signal.aborted) return;
  await thumbnailsOf(video.file, firsts, signal, (thumb) => batcher.addThumb(thumb));
  batcher.flush();
}

self.onmessage = (event: MessageEvent<VideoRequest>) => {
  const msg = event.data;
  if (msg.type === 'start') return runs.start((abort) => processFile(msg, msg.runId, abort));
  if (msg.type === 'retrack') return runs.start((abort) => retrack(msg, msg.runId, abort));
  if (msg.type === 'restore') return runs.start((abort) => restore(msg, msg.runId, abort));
  if (msg.type === 'save-detections') {
    return reply({ type: 'detections-file', requestId: msg.requestId, text: recorded ? serializeDetectionCache(recorded.cache) : null });
  }
  if (msg.type === 'explain') {
    const answer: Promise<ExplainReply> = recorded
      ? explainFrame(recorded, msg.tracker, msg.frame).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }))
      : Promise.resolve({ error: 'process a video first: the explanation replays its detections' });
    return void answer.then((a) => reply({ type: 'explanation', requestId: msg.requestId, ...a }));
  }
  if (msg.type === 'pause') runs.pause();
  else if (msg.type === 'resume') runs.resume();
  else runs.cancel();
};
