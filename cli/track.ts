/**
 * Headless tracking of a video file or a MOTChallenge image-sequence folder.
 *
 *   npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json] [--csv tracks.csv]
 *                    [--gt gt.txt] [--detector centernet] [--every k] [--appearance fusion|joint|histogram|off]
 *                    [--refine on|off] [--realtime [--detect-ms N]] [--flow on|off]
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
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { DETECTOR_NAMES, type Detector } from '../src/core/detection/index.ts';
import { serializeResults } from '../src/core/export/jsonExport.ts';
import { ResultsCollector } from '../src/core/export/resultsCollector.ts';
import { evaluate, formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';
import {
  APPEARANCE_CHOICES,
  DEFAULT_APPEARANCE,
  PixelMotion,
  StreamRunner,
  loadStreamDetector,
  streamSettings,
  validateCadence,
} from '../src/core/pipeline/index.ts';
import { encodeMaskRle, loadSegmenter, withSourceSize, type MaskRle } from '../src/core/segmentation/index.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { choiceValue, numberValue, runCommand, UsageError, type CommandSpec, type ParsedArgs } from '../src/node/cliArgs.ts';
import { openFrameInput } from '../src/node/frameInput.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { ProgressLine } from './progress.ts';

const FLOW_CHOICES = ['on', 'off'] as const;
const REFINE_CHOICES = ['on', 'off'] as const;

const COMMAND: CommandSpec = {
  usage: 'npm run track --',
  positionals: '<video|sequence-dir>',
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
      default: 'on',
      description: 'offline refinement after the online pass (tracklet linking, Gaussian-smoothed interpolation)',
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
      description: 'move boxes between detections by their measured pixel motion (off: Kalman prediction alone)',
    },
  },
};

function options({ values, positionals }: ParsedArgs) {
  if (positionals.length !== 1) throw new UsageError(`expected one input (a video or a sequence folder), got ${positionals.length}`);
  const every = numberValue('every', String(values.every), 1, 30, true);
  validateCadence(every);
  const detectMs = values['detect-ms'] === undefined ? undefined : Number(values['detect-ms']);
  if (detectMs !== undefined && !values.realtime) throw new UsageError('--detect-ms needs --realtime');
  if (detectMs !== undefined && !(Number.isFinite(detectMs) && detectMs > 0 && detectMs <= MAX_DETECT_MS)) {
    throw new UsageError(`--detect-ms is "${values['detect-ms']}"; expected a number of milliseconds in (0, ${MAX_DETECT_MS}]`);
  }
  return {
    input: positionals[0],
    out: values.out as string | undefined,
    json: values.json as string | undefined,
    csv: values.csv as string | undefined,
    gt: values.gt as string | undefined,
    detector: choiceValue('detector', String(values.detector), DETECTOR_NAMES),
    every,
    appearance: choiceValue('appearance', String(values.appearance), APPEARANCE_CHOICES),
    refine: choiceValue('refine', String(values.refine), REFINE_CHOICES) === 'on',
    realtime: values.realtime === true,
    detectMs,
    flow: choiceValue('flow', String(values.flow), FLOW_CHOICES) === 'on',
  };
}

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

async function main(args: ParsedArgs): Promise<number> {
  const opts = options(args);
  const input = openFrameInput(opts.input);
  await useNodeBackend('wasm');
  const models = fileSystemModelSource(resolve(import.meta.dirname, '../models'));
  const { detector, warning } = await loadStreamDetector(opts.detector, {
    models,
    appearance: opts.appearance,
    ...streamSettings(opts.detector, input.frameRate, opts.every).detector,
  });
  if (warning) console.error(`warning: ${warning}`);
  const expectedDetectMs = opts.realtime ? (opts.detectMs ?? (await probeDetectMs(detector, input.width, input.height))) : 0;
  if (opts.realtime)
    console.error(`realtime: ${input.frameRate} fps, detector latency ${opts.detectMs ?? `measured (≈${expectedDetectMs.toFixed(0)} ms)`}`);
  const runner = new StreamRunner(detector, {
    frameRate: input.frameRate,
    cadence: opts.every,
    latency: opts.realtime ? (opts.detectMs ?? 'measured') : 0,
    expectedDetectMs,
    // Pixel motion between detections (only carried frames use it).
    motion: opts.flow && (opts.every > 1 || opts.realtime) ? new PixelMotion() : undefined,
  });
  // The app segments every detected frame for its JSON export's masks; so does --json here.
  const segmenter = opts.json ? await loadSegmenter({ source: models }) : null;
  const collector = new ResultsCollector();
  const progress = new ProgressLine(input.frameCount);
  try {
    for await (const f of input.frames()) {
      const tensor = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
      let result;
      let mask: MaskRle | undefined;
      try {
        result = await runner.step(tensor, f.index);
        if (segmenter && result.detected) mask = encodeMaskRle(withSourceSize(await segmenter.segment(tensor), input.width, input.height));
      } finally {
        tensor.dispose();
      }
      collector.add({ ...result, mask });
      progress.tick();
    }
  } finally {
    progress.done();
    runner.dispose();
    segmenter?.dispose();
  }
  const rows = collector.refinedRows(input.frameRate, opts.refine ? {} : null);
  if (opts.out) writeFileSync(opts.out, formatMot(rows));
  if (opts.json) {
    const video = { fileName: basename(input.name), width: input.width, height: input.height, frameRate: input.frameRate };
    const settings = { detector: detector.name, every: opts.every, backend: tf.getBackend(), refine: opts.refine };
    const realtime = opts.realtime
      ? { realtime: { detectMs: opts.detectMs ?? ('measured' as const), expectedDetectMs, trackerEvery: runner.every } }
      : {};
    writeFileSync(opts.json, serializeResults(collector.toJson(video, { ...settings, ...realtime }, rows)));
  }
  if (opts.csv) writeFileSync(opts.csv, collector.toCsv(rows));
  console.error(
    `${progress.count} frames, ${new Set(rows.map((r) => r.id)).size} tracks, ${rows.length} rows${opts.out ? ` → ${opts.out}` : ''}`,
  );
  const gtPath = opts.gt ?? input.gtPath;
  if (gtPath) {
    const gt = await readMotFile(gtPath);
    console.log(
      formatMetricsTable([
        {
          name: input.name.split('/').filter(Boolean).pop() ?? input.name,
          m: evaluate(gt, rows, { dropZeroConfGt: true, iouThreshold: 0.5 }),
        },
      ]),
    );
  }
  return 0;
}

process.exitCode = await runCommand('track', COMMAND, process.argv.slice(2), main);
