/**
 * Headless tracking of a video file or a MOTChallenge image-sequence folder.
 *
 *   npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json]
 *                    [--gt gt.txt] [--detector centernet] [--every k] [--appearance fusion|joint|histogram|off]
 *                    [--realtime [--detect-ms N]]
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
 * results to files, metrics to stdout when ground truth is given.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { DETECTOR_NAMES, type Detector } from '../src/core/detection/index.ts';
import { evaluate, formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';
import {
  APPEARANCE_CHOICES,
  DEFAULT_APPEARANCE,
  DEFAULT_TRACKED_CLASSES,
  MotCollector,
  StreamRunner,
  loadStreamDetector,
  streamSettings,
  validateCadence,
} from '../src/core/pipeline/index.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { choiceValue, numberValue, runCommand, UsageError, type CommandSpec, type ParsedArgs } from '../src/node/cliArgs.ts';
import { openFrameInput } from '../src/node/frameInput.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { ProgressLine } from './progress.ts';

const COMMAND: CommandSpec = {
  usage: 'npm run track --',
  positionals: '<video|sequence-dir>',
  summary:
    'Tracks a video file or a MOTChallenge image-sequence folder (seqinfo.ini + img1/) in Node (TF.js WASM,\n' +
    'frames decoded by ffmpeg). Progress goes to stderr, metrics to stdout when ground truth is given.',
  options: {
    out: { type: 'string', value: 'results.txt', description: 'write MOTChallenge result rows to this file' },
    json: { type: 'string', value: 'out.json', description: 'write per-frame tracks (ids, boxes, scores, labels) as JSON' },
    gt: { type: 'string', value: 'gt.txt', description: "score against this ground truth (default: the folder's gt/gt.txt)" },
    detector: { type: 'string', value: DETECTOR_NAMES.join('|'), default: 'centernet', description: 'detector' },
    every: { type: 'string', value: 'k', default: '1', description: 'run detection on every k-th frame, carry boxes between' },
    appearance: {
      type: 'string',
      value: APPEARANCE_CHOICES.join('|'),
      default: DEFAULT_APPEARANCE,
      description: 'appearance features used for matching',
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
    gt: values.gt as string | undefined,
    detector: choiceValue('detector', String(values.detector), DETECTOR_NAMES),
    every,
    appearance: choiceValue('appearance', String(values.appearance), APPEARANCE_CHOICES),
    realtime: values.realtime === true,
    detectMs,
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
  const { detector, warning } = await loadStreamDetector(opts.detector, {
    models: fileSystemModelSource(resolve(import.meta.dirname, '../models')),
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
  });
  const collector = new MotCollector();
  const frames: Array<{
    index: number;
    detected: boolean;
    tracks: Array<{ id: number; box: readonly number[]; score: number; label?: string }>;
  }> = [];
  const progress = new ProgressLine(input.frameCount);
  try {
    for await (const f of input.frames()) {
      const tensor = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
      let result;
      try {
        result = await runner.step(tensor, f.index);
      } finally {
        tensor.dispose();
      }
      collector.add(result);
      if (opts.json)
        frames.push({
          index: f.index,
          detected: result.detected,
          tracks: result.tracks.map((t) => ({ id: t.id, box: t.box, score: t.score, label: t.label })),
        });
      progress.tick();
    }
  } finally {
    progress.done();
    runner.dispose();
  }
  const rows = collector.rows();
  if (opts.out) writeFileSync(opts.out, formatMot(rows));
  if (opts.json) {
    const meta = {
      input: input.name,
      width: input.width,
      height: input.height,
      frameRate: input.frameRate,
      detector: detector.name,
      every: opts.every,
      realtime: opts.realtime ? { detectMs: opts.detectMs ?? 'measured', expectedDetectMs, trackerEvery: runner.every } : undefined,
      classes: DEFAULT_TRACKED_CLASSES,
    };
    writeFileSync(opts.json, JSON.stringify({ ...meta, frames }));
  }
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
