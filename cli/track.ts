/**
 * Headless tracking of a video file or a MOTChallenge image-sequence folder.
 *
 *   npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json] [--csv tracks.csv]
 *                    [--gt gt.txt] [--detector centernet] [--every k] [--appearance fusion|joint|histogram|off]
 *                    [--refine on|off] [--realtime [--detect-ms N]] [--flow on|off] [--save-detections dets.json]
 *                    [--accuracy auto|on|off] [--accuracy-max-seconds s]
 *   npm run track -- [video] --detections dets.json|det.txt [same tracking options]
 *
 * `--save-detections` writes the detection cache (every detected frame's
 * boxes, embeddings and person mask; `src/core/pipeline/detectionCache.ts`);
 * `--detections` re-runs tracking and refinement from a cache, or from a
 * MOTChallenge `det.txt`, without the detector: the same `StreamRunner` with
 * a `ReplayDetector`, so the rows equal a full run's with the same settings.
 * The video is optional with a cache (it only supplies pixels for `--flow`)
 * and required with a `det.txt` (frame rate, size and frame count).
 *
 * `--accuracy on` runs the detector on the full frame and 2x2 overlapping
 * tiles and merges them (`MultiViewDetector`); `auto` turns
 * it on for videos up to `--accuracy-max-seconds` long.
 *
 * `--realtime` replays the video as the live view would see it: a clock
 * advancing at the video's frame rate, the detector starting on the newest
 * frame whenever it is free, its result shown only after its latency (the
 * measured one, or a fixed `--detect-ms N` for reproducible runs), and every
 * frame exported with the boxes the live overlay would draw then, lag included.
 *
 * Runs in Node with the TF.js WASM backend and frames decoded by ffmpeg: the
 * same `TrackingPipeline`, detector and tracker modules as the app, without
 * a browser (faster start, no GPU on the target machines anyway, and ffmpeg
 * decodes every container exactly frame by frame). Progress goes to stderr,
 * results to files, metrics to stdout when ground truth is given. `--json`
 * writes the app's versioned JSON export (same builder, same bytes; person
 * masks included, so it also runs the app's segmenter on detected frames).
 * `--refine on` (default, as for uploads in the app) refines the online
 * tracks offline (src/core/refine) before anything is written or scored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { DETECTOR_NAMES, type Detector } from '../src/core/detection/index.ts';
import { serializeResults } from '../src/core/export/jsonExport.ts';
import { ResultsCollector } from '../src/core/export/resultsCollector.ts';
import { evaluate, formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';
import {
  ACCURACY_CHOICES,
  APPEARANCE_CHOICES,
  DEFAULT_ACCURACY_MAX_SECONDS,
  accuracyModeOn,
  DEFAULT_APPEARANCE,
  PixelMotion,
  StreamRunner,
  ReplayDetector,
  loadStreamDetector,
  trackerPresetFor,
  streamSettings,
  validateCadence,
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
import { choiceValue, numberValue, runCommand, UsageError, type CommandSpec, type ParsedArgs } from '../src/node/cliArgs.ts';
import { openFrameInput, type FrameInput } from '../src/node/frameInput.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { ProgressLine } from './progress.ts';

const FLOW_CHOICES = ['on', 'off', 'kalman'] as const;
const REFINE_CHOICES = ['on', 'off'] as const;

const COMMAND: CommandSpec = {
  usage: 'npm run track --',
  positionals: '[video|sequence-dir]',
  summary:
    'Tracks a video file or a MOTChallenge image-sequence folder (seqinfo.ini + img1/) in Node (TF.js WASM,\n' +
    'frames decoded by ffmpeg). Progress goes to stderr, metrics to stdout when ground truth is given.',
  options: {
    out: { type: 'string', value: 'results.txt', description: 'write MOTChallenge result rows to this file' },
    json: {
      type: 'string',
      value: 'out.json',
      description: "write the app's versioned JSON export (tracks, scores, COCO RLE person masks)",
    },
    csv: { type: 'string', value: 'tracks.csv', description: 'write tracks as CSV (frame, id, class, box, score, custom label)' },
    gt: { type: 'string', value: 'gt.txt', description: "score against this ground truth (default: the folder's gt/gt.txt)" },
    detector: { type: 'string', value: DETECTOR_NAMES.join('|'), default: 'centernet', description: 'detector' },
    every: { type: 'string', value: 'k', default: '1', description: 'run detection on every k-th frame, carry boxes between' },
    appearance: {
      type: 'string',
      value: APPEARANCE_CHOICES.join('|'),
      default: DEFAULT_APPEARANCE,
      description: 'appearance features used for matching',
    },
    refine: {
      type: 'string',
      value: REFINE_CHOICES.join('|'),
      description:
        'offline refinement after the online pass (tracklet linking, Gaussian-smoothed interpolation) ' +
        '(default: on; off with --realtime, whose rows are what the live view draws)',
    },
    realtime: {
      type: 'boolean',
      description: 'simulate a live camera: frames arrive at the input frame rate while detection takes its time',
    },
    'detect-ms': {
      type: 'string',
      value: 'N',
      description: 'with --realtime: a fixed detector latency in ms (default: measured on this machine)',
    },
    flow: {
      type: 'string',
      value: FLOW_CHOICES.join('|'),
      default: 'on',
      description:
        'move boxes between detections by their measured pixel motion (off: Kalman prediction alone; kalman: also correct the Kalman state with it)',
    },
    'save-detections': {
      type: 'string',
      value: 'dets.json',
      description: 'also write the detection cache (boxes, embeddings, masks of every detected frame) for fast re-tracking',
    },
    accuracy: {
      type: 'string',
      value: ACCURACY_CHOICES.join('|'),
      default: 'auto',
      description:
        'accuracy mode: CenterNet also on 2x2 overlapping tiles, merged (about 5x slower); auto: on for videos up to --accuracy-max-seconds',
    },
    'accuracy-max-seconds': {
      type: 'string',
      value: 's',
      default: String(DEFAULT_ACCURACY_MAX_SECONDS),
      description: 'with --accuracy auto: the longest video (seconds) accuracy mode turns on for; 0 = never',
    },
    detections: {
      type: 'string',
      value: 'dets.json|det.txt',
      description:
        're-track from a detection cache or a MOTChallenge det.txt instead of running the detector (video optional with a cache)',
    },
  },
};

function options({ values, positionals }: ParsedArgs) {
  const detections = values.detections as string | undefined;
  if (positionals.length > 1 || (positionals.length === 0 && !detections)) {
    throw new UsageError(`expected one input (a video or a sequence folder), got ${positionals.length}`);
  }
  if (detections?.endsWith('.txt') && positionals.length === 0) {
    throw new UsageError('--detections with a det.txt needs the video or sequence folder it belongs to (frame rate, size, frame count)');
  }
  const every = numberValue('every', String(values.every), 1, 30, true);
  validateCadence(every);
  const detectMs = values['detect-ms'] === undefined ? undefined : Number(values['detect-ms']);
  if (detectMs !== undefined && !values.realtime) throw new UsageError('--detect-ms needs --realtime');
  if (detectMs !== undefined && !(Number.isFinite(detectMs) && detectMs > 0 && detectMs <= MAX_DETECT_MS)) {
    throw new UsageError(`--detect-ms is "${values['detect-ms']}"; expected a number of milliseconds in (0, ${MAX_DETECT_MS}]`);
  }
  if (detections && values.realtime && detectMs === undefined) {
    throw new UsageError('--realtime with --detections needs --detect-ms (no detector runs, so none can be timed)');
  }
  if (detections && values['save-detections']) throw new UsageError('--save-detections records a detector run; --detections replays one');
  const accuracy = choiceValue('accuracy', String(values.accuracy), ACCURACY_CHOICES);
  if (detections && accuracy === 'on') throw new UsageError('--accuracy on runs the detector; --detections replays recorded detections');
  const accuracyMaxSeconds = numberValue('accuracy-max-seconds', String(values['accuracy-max-seconds']), 0, MAX_ACCURACY_SECONDS);
  return {
    input: positionals[0] as string | undefined,
    out: values.out as string | undefined,
    json: values.json as string | undefined,
    csv: values.csv as string | undefined,
    gt: values.gt as string | undefined,
    detector: choiceValue('detector', String(values.detector), DETECTOR_NAMES),
    every,
    appearance: choiceValue('appearance', String(values.appearance), APPEARANCE_CHOICES),
    refine: choiceValue('refine', String(values.refine ?? (values.realtime ? 'off' : 'on')), REFINE_CHOICES) === 'on',
    realtime: values.realtime === true,
    detectMs,
    flow: choiceValue('flow', String(values.flow), FLOW_CHOICES),
    saveDetections: values['save-detections'] as string | undefined,
    detections,
    accuracy,
    accuracyMaxSeconds,
  };
}

type Options = ReturnType<typeof options>;

/** Largest `--accuracy-max-seconds`: a day. */
const MAX_ACCURACY_SECONDS = 86_400;
/** Longest fixed detector latency `--detect-ms` accepts: a minute. */
const MAX_DETECT_MS = 60_000;
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
async function openRecording(opts: Options, input: FrameInput | null): Promise<Source> {
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

async function openSource(opts: Options): Promise<Source> {
  const input = opts.input ? openFrameInput(opts.input, { requireImages: !opts.detections }) : null;
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

async function main(args: ParsedArgs): Promise<number> {
  const opts = options(args);
  await useNodeBackend('wasm');
  const source = await openSource(opts);
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

process.exitCode = await runCommand('track', COMMAND, process.argv.slice(2), main);
