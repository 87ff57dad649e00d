/**
 * Headless tracking of a video file or a MOTChallenge image-sequence folder.
 *
 *   npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json]
 *                    [--gt gt.txt] [--detector centernet] [--every k] [--appearance fusion|joint|histogram|off]
 *                    [--flow on|off]
 *
 * Runs in Node with the TF.js WASM backend and frames decoded by ffmpeg: the
 * same `TrackingPipeline`, detector and tracker modules as the app, without
 * a browser (faster start, no GPU on the target machines anyway, and ffmpeg
 * decodes every container exactly frame by frame). Progress goes to stderr,
 * results to files, metrics to stdout when ground truth is given.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { DETECTOR_NAMES, type DetectorName } from '../src/core/detection/index.ts';
import { evaluate, formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';
import {
  APPEARANCE_CHOICES,
  DEFAULT_APPEARANCE,
  DEFAULT_TRACKED_CLASSES,
  MotCollector,
  MotionStage,
  TrackingPipeline,
  loadStreamDetector,
  streamSettings,
  validateCadence,
  type AppearanceChoice,
} from '../src/core/pipeline/index.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { openFrameInput } from '../src/node/frameInput.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { ProgressLine } from './progress.ts';

const USAGE =
  'usage: npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json] [--gt gt.txt] [--detector centernet|coco-ssd] [--every k] [--appearance fusion|joint|histogram|off] [--flow on|off]';
const FLOW_CHOICES = ['on', 'off'] as const;

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'string' },
      gt: { type: 'string' },
      detector: { type: 'string', default: 'centernet' },
      every: { type: 'string', default: '1' },
      appearance: { type: 'string', default: DEFAULT_APPEARANCE },
      flow: { type: 'string', default: 'on' },
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
  if (!(FLOW_CHOICES as readonly string[]).includes(values.flow!)) {
    throw new UsageError(`--flow is "${values.flow}"; allowed: ${FLOW_CHOICES.join(', ')}`);
  }
  const every = Number(values.every);
  validateCadence(every);
  return {
    input: positionals[0],
    out: values.out,
    json: values.json,
    gt: values.gt,
    detector: values.detector as DetectorName,
    every,
    appearance: values.appearance as AppearanceChoice,
    flow: values.flow === 'on',
  };
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const opts = options();
  if (!opts) return (console.log(USAGE), 0);
  const input = openFrameInput(opts.input);
  await useNodeBackend('wasm');
  const { detector, warning } = await loadStreamDetector(opts.detector, {
    models: fileSystemModelSource(resolve(import.meta.dirname, '../models')),
    appearance: opts.appearance,
    ...streamSettings(opts.detector, input.frameRate, opts.every).detector,
  });
  if (warning) console.error(`warning: ${warning}`);
  const settings = streamSettings(detector.name as DetectorName, input.frameRate, opts.every);
  // Pixel motion between detections (only matters with --every > 1).
  const pipeline = new TrackingPipeline(detector, settings.tracker, undefined, opts.flow && opts.every > 1 ? new MotionStage() : undefined);
  const collector = new MotCollector();
  const frames: Array<{
    index: number;
    detected: boolean;
    tracks: Array<{ id: number; box: readonly number[]; score: number; label?: string }>;
  }> = [];
  const progress = new ProgressLine(input.frameCount);
  try {
    for await (const f of input.frames()) {
      let result;
      const gray = pipeline.motion?.toGray(f.data, f.width, f.height, 3);
      if (f.index % opts.every === 0) {
        const tensor = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
        try {
          result = await pipeline.detectAndTrack(tensor, f.index, gray);
        } finally {
          tensor.dispose();
        }
      } else result = pipeline.carry(f.index, gray);
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
    pipeline.dispose();
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

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`track: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
