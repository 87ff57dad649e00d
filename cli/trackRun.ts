/**
 * The run behind `npm run track` (cli/track.ts): TF.js, the detector, the
 * tracker and the exports. cli/track.ts imports this module only once the
 * arguments are checked and the input is open, so bad input fails before
 * TF.js and the models load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Detector } from '../src/core/detection/index.ts';
import { serializeResults } from '../src/core/export/jsonExport.ts';
import { ResultsCollector } from '../src/core/export/resultsCollector.ts';
import { evaluate, formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';
import {
  accuracyModeOn,
  PixelMotion,
  StreamRunner,
  ReplayDetector,
  loadStreamDetector,
  trackerPresetFor,
  streamSettings,
} from '../src/core/pipeline/index.ts';
import {
  DetectionCacheRecorder,
  cacheFromMotDetections,
  cachedDetectionsByFrame,
  parseDetectionCache,
  serializeDetectionCache,
  type DetectionCacheVideo,
} from '../src/core/pipeline/detectionCache.ts';
import type { TrackerConfigInput } from '../src/core/tracking/config.ts';
import { encodeMaskRle, loadSegmenter, withSourceSize, type MaskRle } from '../src/core/segmentation/index.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import type { FrameInput } from '../src/node/frameInput.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { ProgressLine } from './progress.ts';
import type { TrackOptions } from './track.ts';

/** Warm-up detections before timing one for `--realtime` without `--detect-ms` (the first runs compile kernels). */
const PROBE_RUNS = 2;

/** Wall time of one detection on a blank frame of the input's size, after warm-up. */
async function probeDetectMs(detector: Detector, width: number, height: number): Promise<number> {
  const blank = tf.zeros([height, width, 3], 'int32') as tf.Tensor3D;
  try {
    let ms = 0;
    for (let i = 0; i <= PROBE_RUNS; i++) {
      const t0 = performance.now();
      await detector.detect(blank);
      ms = performance.now() - t0;
    }
    return ms;
  } finally {
    blank.dispose();
  }
}

/** Where the stream's detections come from: the detector on the video's pixels, or a recording of it. */
interface Source {
  detector: Detector;
  video: DetectionCacheVideo;
  /** Pixels, when a video is given (a recording needs them only for --flow). */
  input: FrameInput | null;
  /** Set the source frame before each step (recordings answer by frame index). */
  replay: ReplayDetector | null;
  /** Tracker preset for the recording's detector; undefined: the live detector's. */
  preset?: TrackerConfigInput;
  /** Person masks of a recording, by frame index. */
  masks: Map<number, MaskRle>;
  /** Appearance features of the detections. */
  appearance: string;
  /** The detector that found the boxes (a recording's, not the replay's). */
  detectorName: string;
}

/** The video's description; a `det.txt` replay needs its frame count (0: unknown). */
function videoOf(input: FrameInput): DetectionCacheVideo {
  if (input.frameCount === null) throw new Error(`${input.name}: the frame count is unknown, so detections cannot be replayed against it`);
  return {
    fileName: basename(input.name),
    width: input.width,
    height: input.height,
    frameRate: input.frameRate,
    frameCount: input.frameCount,
  };
}

/** A recording (`--detections`): a detection cache, or a MOTChallenge det.txt for the given video. */
async function openRecording(opts: TrackOptions, input: FrameInput | null): Promise<Source> {
  const path = opts.detections as string;
  const cache = path.endsWith('.txt')
    ? cacheFromMotDetections(await readMotFile(path), videoOf(input as FrameInput))
    : parseDetectionCache(readFileSync(path, 'utf8'));
  if (input && (input.width !== cache.video.width || input.height !== cache.video.height)) {
    throw new Error(
      `${path} was recorded on ${cache.video.width}x${cache.video.height} frames, but ${input.name} is ${input.width}x${input.height}`,
    );
  }
  let byFrame = cachedDetectionsByFrame(cache);
  if (opts.appearance === 'off') byFrame = byFrame.map((f) => f?.map(({ embedding: _e, ...d }) => d));
  const replay = new ReplayDetector(byFrame, cache.detector !== 'det.txt');
  const preset = trackerPresetFor(cache.detector);
  const masks = new Map(cache.frames.flatMap((f) => (f.mask ? [[f.index, f.mask] as const] : [])));
  const appearance = opts.appearance === 'off' ? 'off' : cache.appearance;
  console.error(
    `replaying ${cache.frames.length} detected frames of ${cache.video.fileName} (${cache.detector}, appearance ${appearance})`,
  );
  return { detector: replay, video: cache.video, input, replay, preset, masks, appearance, detectorName: cache.detector };
}

async function openSource(opts: TrackOptions, input: FrameInput | null): Promise<Source> {
  if (opts.detections) return openRecording(opts, input);
  const frameInput = input as FrameInput;
  const models = fileSystemModelSource(resolve(import.meta.dirname, '../models'));
  const durationS = (frameInput.frameCount ?? Number.NaN) / frameInput.frameRate;
  const accuracy = accuracyModeOn(opts.accuracy, durationS, opts.accuracyMaxSeconds);
  if (accuracy) console.error('accuracy mode: CenterNet on the full frame and 2x2 overlapping tiles (about 5x slower)');
  const { detector, warning } = await loadStreamDetector(opts.detector, {
    models,
    appearance: opts.appearance,
    accuracy: accuracy ? {} : null,
    ...streamSettings(opts.detector, frameInput.frameRate, opts.every).detector,
  });
  if (warning) console.error(`warning: ${warning}`);
  const video = { ...videoOf({ ...frameInput, frameCount: frameInput.frameCount ?? 0 }) };
  return { detector, video, input: frameInput, replay: null, masks: new Map(), appearance: opts.appearance, detectorName: detector.name };
}

/**
 * Source frames in order, each a tensor the caller disposes: decoded pixels,
 * or, for a recording without pixels, an empty 1x1 frame per index (the
 * replay ignores pixels).
 */
async function* sourceFrames(source: Source): AsyncGenerator<{ tensor: tf.Tensor3D; index: number }> {
  if (source.input?.hasPixels) {
    for await (const f of source.input.frames()) yield { tensor: tf.tensor3d(f.data, [f.height, f.width, 3], 'int32'), index: f.index };
    return;
  }
  for (let index = 0; index < source.video.frameCount; index++) yield { tensor: tf.zeros([1, 1, 3], 'int32'), index };
}

/** Tracks `input` (already opened, so its errors come before the models load) as `opts` say; returns the exit code. */
export async function runTrack(opts: TrackOptions, input: FrameInput | null): Promise<number> {
  await useNodeBackend('wasm');
  const source = await openSource(opts, input);
  const { detector, video } = source;
  const expectedDetectMs = opts.realtime ? (opts.detectMs ?? (await probeDetectMs(detector, video.width, video.height))) : 0;
  if (opts.realtime)
    console.error(`realtime: ${video.frameRate} fps, detector latency ${opts.detectMs ?? `measured (≈${expectedDetectMs.toFixed(0)} ms)`}`);
  const runner = new StreamRunner(detector, {
    frameRate: video.frameRate,
    cadence: opts.every,
    latency: opts.realtime ? (opts.detectMs ?? 'measured') : 0,
    expectedDetectMs,
    preset: source.preset,
    // Pixel motion between detections (only carried frames use it, and only with real pixels).
    motion:
      opts.flow !== 'off' && source.input?.hasPixels && (opts.every > 1 || opts.realtime)
        ? new PixelMotion({ correctKalman: opts.flow === 'kalman' })
        : undefined,
  });
  // The app segments every detected frame for its JSON export's masks; so does --json (or --save-detections) here.
  const segmenter =
    (opts.json || opts.saveDetections) && !source.replay
      ? await loadSegmenter({ source: fileSystemModelSource(resolve(import.meta.dirname, '../models')) })
      : null;
  const collector = new ResultsCollector();
  const recorder = opts.saveDetections ? new DetectionCacheRecorder() : null;
  const progress = new ProgressLine(video.frameCount || null);
  try {
    for await (const { tensor, index } of sourceFrames(source)) {
      let result;
      let mask: MaskRle | undefined;
      try {
        if (source.replay) source.replay.frame = index;
        result = await runner.step(tensor, index);
        if (segmenter && result.detected) mask = encodeMaskRle(withSourceSize(await segmenter.segment(tensor), video.width, video.height));
        else if (result.detected) mask = source.masks.get(index);
      } finally {
        tensor.dispose();
      }
      recorder?.add(result, mask);
      collector.add({ ...result, mask });
      progress.tick();
    }
  } finally {
    progress.done();
    runner.dispose();
    segmenter?.dispose();
  }
  if (recorder && opts.saveDetections) {
    const cache = recorder.build(
      { ...video, frameCount: Math.max(video.frameCount, collector.frameCount) },
      detector.name,
      source.appearance,
    );
    writeFileSync(opts.saveDetections, serializeDetectionCache(cache));
    console.error(`${recorder.size} detected frames → ${opts.saveDetections}`);
  }
  const rows = collector.refinedRows(video.frameRate, opts.refine ? {} : null);
  if (opts.out) writeFileSync(opts.out, formatMot(rows));
  if (opts.json) {
    const jsonVideo = { fileName: video.fileName, width: video.width, height: video.height, frameRate: video.frameRate };
    const settings = { detector: source.detectorName, every: opts.every, backend: tf.getBackend(), refine: opts.refine };
    const realtime = opts.realtime
      ? { realtime: { detectMs: opts.detectMs ?? ('measured' as const), expectedDetectMs, trackerEvery: runner.every } }
      : {};
    writeFileSync(opts.json, serializeResults(collector.toJson(jsonVideo, { ...settings, ...realtime }, rows)));
  }
  if (opts.csv) writeFileSync(opts.csv, collector.toCsv(rows));
  console.error(
    `${progress.count} frames, ${new Set(rows.map((r) => r.id)).size} tracks, ${rows.length} rows${opts.out ? ` → ${opts.out}` : ''}`,
  );
  const gtPath = opts.gt ?? source.input?.gtPath;
  if (gtPath) {
    const gt = await readMotFile(gtPath);
    const name = opts.input ?? video.fileName;
    console.log(
      formatMetricsTable([
        {
          name: name.split('/').filter(Boolean).pop() ?? name,
          m: evaluate(gt, rows, { dropZeroConfGt: true, iouThreshold: 0.5 }),
        },
      ]),
    );
  }
  return 0;
}
