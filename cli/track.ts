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
import { DETECTOR_NAMES } from '../src/core/detection/config.ts';
import { ACCURACY_CHOICES, DEFAULT_ACCURACY_MAX_SECONDS } from '../src/core/pipeline/accuracyMode.ts';
import { APPEARANCE_CHOICES, DEFAULT_APPEARANCE } from '../src/core/pipeline/appearanceChoice.ts';
import { validateCadence } from '../src/core/pipeline/cadence.ts';
import { choiceValue, numberValue, runCommand, UsageError, type CommandSpec, type ParsedArgs } from '../src/node/cliArgs.ts';
import { openFrameInput } from '../src/node/frameInput.ts';

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

export type TrackOptions = ReturnType<typeof options>;

/** Largest `--accuracy-max-seconds`: a day. */
const MAX_ACCURACY_SECONDS = 86_400;
/** Longest fixed detector latency `--detect-ms` accepts: a minute. */
const MAX_DETECT_MS = 60_000;

async function main(args: ParsedArgs): Promise<number> {
  const opts = options(args);
  const input = opts.input ? openFrameInput(opts.input, { requireImages: !opts.detections }) : null;
  // TF.js, the models and the pipeline load only now: bad arguments and unreadable input fail without them.
  const { runTrack } = await import('./trackRun.ts');
  return runTrack(opts, input);
}

process.exitCode = await runCommand('track', COMMAND, process.argv.slice(2), main);
