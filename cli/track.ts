/**
 * Headless tracking of a video file or a MOTChallenge image-sequence folder.
 *
 *   npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json] [--csv tracks.csv]
 *                    [--gt gt.txt] [--detector centernet] [--every k] [--appearance fusion|joint|histogram|off]
 *                    [--refine on|off] [--realtime [--detect-ms N]]
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
 * results to files, metrics to stdout when ground truth is given. `--json`
 * writes the app's versioned JSON export (same builder, same bytes; person
 * masks included, so it also runs the app's segmenter on detected frames).
 * `--refine on` (default, as for uploads in the app) refines the online
 * tracks offline (src/core/refine) before anything is written or scored.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { DETECTOR_NAMES, type Detector, type DetectorName } from '../src/core/detection/index.ts';
import { serializeResults } from '../src/core/export/jsonExport.ts';
import { ResultsCollector } from '../src/core/export/resultsCollector.ts';
import { evaluate, formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';
import {
  APPEARANCE_CHOICES,
  DEFAULT_APPEARANCE,
  StreamRunner,
  loadStreamDetector,
  streamSettings,
  validateCadence,
  type AppearanceChoice,
} from '../src/core/pipeline/index.ts';
import { encodeMaskRle, loadSegmenter, withSourceSize, type MaskRle } from '../src/core/segmentation/index.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { openFrameInput } from '../src/node/frameInput.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { ProgressLine } from './progress.ts';

const USAGE =
  'usage: npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json] [--csv tracks.csv] [--gt gt.txt] [--detector centernet|coco-ssd] [--every k] [--appearance fusion|joint|histogram|off] [--refine on|off] [--realtime [--detect-ms N]]';

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'string' },
      csv: { type: 'string' },
      gt: { type: 'string' },
      detector: { type: 'string', default: 'centernet' },
      every: { type: 'string', default: '1' },
      appearance: { type: 'string', default: DEFAULT_APPEARANCE },
      refine: { type: 'string', default: 'on' },
      realtime: { type: 'boolean', default: false },
      'detect-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError(`expected one input, got ${positionals.length}`);
  if (!(DETECTOR_NAMES as readonly string[]).includes(values.detector!)) {
    throw new UsageError(`--detector is "${values.detector}"; allowed: ${DETECTOR_NAMES.join(', ')}`);
  }
  if (!(APPEARANCE_CHOICES as readonly string[]).includes(values.appearance!)) {
    throw new UsageError(`--appearance is "${values.appearance}"; allowed: ${APPEARANCE_CHOICES.join(', ')}`);
  }
  if (values.refine !== 'on' && values.refine !== 'off') throw new UsageError(`--refine is "${values.refine}"; allowed: on, off`);
  const every = Number(values.every);
  validateCadence(every);
  const detectMs = values['detect-ms'] === undefined ? undefined : Number(values['detect-ms']);
  if (detectMs !== undefined && !values.realtime) throw new UsageError('--detect-ms needs --realtime');
  if (detectMs !== undefined && !(Number.isFinite(detectMs) && detectMs > 0 && detectMs <= MAX_DETECT_MS)) {
    throw new UsageError(`--detect-ms is "${values['detect-ms']}"; expected a number of milliseconds in (0, ${MAX_DETECT_MS}]`);
  }
  return {
    input: positionals[0],
    out: values.out,
    json: values.json,
    csv: values.csv,
    gt: values.gt,
    detector: values.detector as DetectorName,
    every,
    appearance: values.appearance as AppearanceChoice,
    refine: values.refine === 'on',
    realtime: values.realtime!,
    detectMs,
  };
}

class UsageError extends Error {}

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

async function main(): Promise<number> {
  const opts = options();
  if (!opts) return (console.log(USAGE), 0);
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

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`track: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
