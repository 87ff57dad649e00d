/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendSelection } from '../../core/backend/select';
import type { Detector, DetectorName } from '../../core/detection';
import { DEFAULT_APPEARANCE, PixelMotion, StreamRunner, loadStreamDetector, streamSettings } from '../../core/pipeline';
import { TrackEmbeddingSums } from '../../core/refine';
import { encodeMaskRle, loadSegmenter, withSourceSize, type MaskRle, type Segmenter } from '../../core/segmentation';
import { inferenceSize, openVideo, videoFrameToRgb, type VideoMetadata } from '../../browser/video';
import type { ProcessedFrame, ProcessRequest, TrackThumb, VideoRequest, VideoResponse } from '../video/protocol';
import { scaleTracks } from '../video/scaleResult';
import { registerBrowserBackend } from './registerBrowserBackend';

/**
 * Uploaded-video worker: opens the File with the decode layer, runs every
 * frame through a `StreamRunner` (exactly like `npm run track`), and streams results back in small batches. Frames are
 * RGB bytes → int32 tensor, the CLI's input path; each VideoFrame and tensor
 * is released on every path. The detector stays loaded between runs.
 */
const BATCH_FRAMES = 8;
const BATCH_MS = 250;
const THUMB = { width: 32, height: 64 };

type Body = VideoResponse extends infer R ? (R extends unknown ? Omit<R, 'runId'> : never) : never;
const postTo = (runId: number, msg: Body) => (self as unknown as DedicatedWorkerGlobalScope).postMessage({ runId, ...msg });

let loaded: { key: string; detector: Detector; segmenter: Segmenter; backend: BackendSelection; warning?: string } | null = null;
let run: { abort: AbortController; paused: boolean; wake: (() => void) | null } | null = null;

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
  loaded = { key, detector, segmenter, backend, warning };
  return loaded;
}

function expected(meta: VideoMetadata): { count: number; estimate: boolean } {
  if (meta.frameCount !== null) return { count: meta.frameCount, estimate: false };
  return { count: Math.max(1, Math.round((meta.durationUs / 1e6) * meta.frameRate.fps)), estimate: true };
}

async function thumbnail(frame: VideoFrame, box: readonly number[]): Promise<Blob> {
  const canvas = new OffscreenCanvas(THUMB.width, THUMB.height);
  const [x, y, w, h] = box;
  canvas.getContext('2d')!.drawImage(frame, x, y, Math.max(1, w), Math.max(1, h), 0, 0, THUMB.width, THUMB.height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
}

/** Resolves at once unless paused; then when resumed or cancelled. */
function gate(): Promise<void> {
  if (!run?.paused) return Promise.resolve();
  return new Promise((resolve) => {
    run!.wake = resolve;
  });
}

async function processFile(req: ProcessRequest, runId: number, abort: AbortController): Promise<void> {
  const post = (msg: Body) => postTo(runId, msg);
  let t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  let framesDone = 0;
  let batch: ProcessedFrame[] = [];
  let thumbs: TrackThumb[] = [];
  let lastPost: number;
  // Tracklet means for offline linking in the page: sums kept here, sent per batch.
  const embeddings = new TrackEmbeddingSums();
  const touched = new Set<number>();
  const flush = () => {
    if (batch.length === 0 && thumbs.length === 0) return;
    if (batch.length > 0 && touched.size > 0) {
      batch[batch.length - 1].embeddingSums = [...touched].map((id) => [id, Float32Array.from(embeddings.get(id)!)]);
      touched.clear();
    }
    post({ type: 'batch', frames: batch, thumbs, framesDone, elapsedMs: elapsed() });
    batch = [];
    thumbs = [];
    lastPost = performance.now();
  };
  try {
    const source = await openVideo(req.file, { signal: abort.signal });
    try {
      const meta = source.metadata;
      const fps = meta.frameRate.fps;
      const { detector, segmenter, backend, warning } = await ensureDetector(req, fps);
      // Pixel motion between detections, as the CLI's default (`--flow on`) does, so both give the same tracks.
      const motion = req.every > 1 ? new PixelMotion() : undefined;
      const runner = new StreamRunner(detector, { frameRate: fps, cadence: req.every, motion });
      const inference = inferenceSize(meta);
      const sx = meta.width / inference.width;
      const sy = meta.height / inference.height;
      const exp = expected(meta);
      t0 = lastPost = performance.now(); // fps and ETA count processing only, not opening or model loading
      post({
        type: 'opened',
        metadata: meta,
        inference,
        backend,
        detector: detector.name as DetectorName,
        warning,
        expectedFrames: exp.count,
        expectedIsEstimate: exp.estimate,
      });
      const seen = new Set<number>();
      for await (const { frame, index, timestampUs } of source.frames({ signal: abort.signal })) {
        try {
          let result;
          let mask: MaskRle | undefined;
          const rgb = await videoFrameToRgb(frame, inference);
          const tensor = tf.tensor3d(rgb.data, [rgb.height, rgb.width, 3], 'int32');
          try {
            result = await runner.step(tensor, index);
            if (result.detected) for (const id of embeddings.add(result.tracks, result.detections)) touched.add(id);
            if (result.detected) mask = encodeMaskRle(withSourceSize(await segmenter.segment(tensor), meta.width, meta.height));
          } finally {
            tensor.dispose();
          }
          const tracks = scaleTracks(result.tracks, sx, sy);
          for (const t of tracks) {
            if (seen.has(t.id)) continue;
            seen.add(t.id);
            thumbs.push({ id: t.id, image: await thumbnail(frame, t.box) });
          }
          batch.push({ index, timestampUs, detected: result.detected, tracks, mask });
        } finally {
          frame.close();
        }
        framesDone++;
        if (batch.length >= BATCH_FRAMES || performance.now() - lastPost > BATCH_MS) flush();
        await gate();
        if (abort.signal.aborted) break;
      }
      flush();
      post({ type: 'done', cancelled: abort.signal.aborted, framesDone, elapsedMs: elapsed() });
    } finally {
      source.close();
    }
  } catch (error) {
    flush();
    if (abort.signal.aborted) post({ type: 'done', cancelled: true, framesDone, elapsedMs: elapsed() });
    else {
      const e = error instanceof Error ? error : new Error(String(error));
      post({ type: 'error', name: e.name, message: e.message, framesDone });
    }
  }
}

self.onmessage = (event: MessageEvent<VideoRequest>) => {
  const msg = event.data;
  if (msg.type === 'start') {
    run?.abort.abort();
    const current = { abort: new AbortController(), paused: false, wake: null };
    run = current;
    void processFile(msg, msg.runId, current.abort).finally(() => {
      if (run === current) run = null;
    });
    return;
  }
  if (!run) return;
  if (msg.type === 'pause') run.paused = true;
  else {
    if (msg.type === 'cancel') run.abort.abort(new DOMException('cancelled by the user', 'AbortError'));
    run.paused = false;
    run.wake?.();
    run.wake = null;
  }
};
