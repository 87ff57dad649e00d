/**
 * Headless tracking of a video file or a MOTChallenge image-sequence folder.
 *
 *   npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json] [--csv tracks.csv]
 *                    [--gt gt.txt] [--detector centernet] [--every k] [--appearance fusion|joint|histogram|off]
 *                    [--refine on|off]
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
import { DETECTOR_NAMES, type DetectorName } from '../src/core/detection/index.ts';
import { serializeResults } from '../src/core/export/jsonExport.ts';
import { ResultsCollector } from '../src/core/export/resultsCollector.ts';
import { evaluate, formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';
import {
  APPEARANCE_CHOICES,
  DEFAULT_APPEARANCE,
  TrackingPipeline,
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
  'usage: npm run track -- <video|sequence-dir> [--out results.txt] [--json out.json] [--csv tracks.csv] [--gt gt.txt] [--detector centernet|coco-ssd] [--every k] [--appearance fusion|joint|histogram|off] [--refine on|off]';

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
  };
}

class UsageError extends Error {}

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
  const settings = streamSettings(detector.name as DetectorName, input.frameRate, opts.every);
  const pipeline = new TrackingPipeline(detector, settings.tracker);
  // The app segments every detected frame for its JSON export's masks; so does --json here.
  const segmenter = opts.json ? await loadSegmenter({ source: models }) : null;
  const collector = new ResultsCollector();
  const progress = new ProgressLine(input.frameCount);
  try {
    for await (const f of input.frames()) {
      let result;
      let mask: MaskRle | undefined;
      if (f.index % opts.every === 0) {
        const tensor = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
        try {
          result = await pipeline.detectAndTrack(tensor, f.index);
          if (segmenter) mask = encodeMaskRle(withSourceSize(await segmenter.segment(tensor), input.width, input.height));
        } finally {
          tensor.dispose();
        }
      } else result = pipeline.carry(f.index);
      collector.add({ ...result, mask });
      progress.tick();
    }
  } finally {
    progress.done();
    pipeline.dispose();
    segmenter?.dispose();
  }
  const rows = collector.refinedRows(input.frameRate, opts.refine ? {} : null);
  if (opts.out) writeFileSync(opts.out, formatMot(rows));
  if (opts.json) {
    const video = { fileName: basename(input.name), width: input.width, height: input.height, frameRate: input.frameRate };
    writeFileSync(
      opts.json,
      serializeResults(
        collector.toJson(video, { detector: detector.name, every: opts.every, backend: tf.getBackend(), refine: opts.refine }, rows),
      ),
    );
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
