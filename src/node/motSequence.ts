/**
 * Node-only helpers shared by `cli/track-mot.ts`, `bench/tracker.ts` and the
 * tracking regression test: load a MOTChallenge sequence folder and run the
 * tracker over its detections, producing MOTChallenge result rows.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readMotFile } from '../core/metrics/readMotFile.ts';
import { evaluate } from '../core/metrics/index.ts';
import { MotCollector } from '../core/pipeline/motCollector.ts';
import type { MotMetrics, MotRow } from '../core/metrics/index.ts';
import { Tracker, configForFrameRate, predictBox } from '../core/tracking/index.ts';
import type { Detection, TrackOutput, TrackerConfigInput } from '../core/tracking/index.ts';
import { readSeqInfo } from './seqInfo.ts';

export interface MotSequence {
  readonly name: string;
  readonly frameRate: number;
  readonly seqLength: number;
  /** Detections per frame; index 0 is frame 1. */
  readonly detections: Detection[][];
  /** Ground truth rows (empty when the folder has no gt/gt.txt). */
  readonly gt: MotRow[];
}

export async function loadMotSequence(dir: string): Promise<MotSequence> {
  const info = readSeqInfo(dir);
  const detRows = await readMotFile(join(dir, 'det', 'det.txt'));
  const seqLength = info.seqLength ?? Math.max(0, ...detRows.map((r) => r.frame));
  const detections: Detection[][] = Array.from({ length: seqLength }, () => []);
  for (const r of detRows) {
    if (r.frame < 1 || r.frame > seqLength) continue;
    detections[r.frame - 1].push({ box: r.box, score: r.conf });
  }
  const gtPath = join(dir, 'gt', 'gt.txt');
  const gt = existsSync(gtPath) ? await readMotFile(gtPath) : [];
  return { name: info.name ?? dir, frameRate: info.frameRate, seqLength, detections, gt };
}

export interface RunOptions {
  /** Tracker config (defaults when omitted); its frame rate is set per sequence. */
  readonly config?: TrackerConfigInput;
  /** Write `lateBoxes` (tentative history, filled gaps) when a track reports them (default true). */
  readonly backfill?: boolean;
  /** Detections only on every k-th frame (frames 1, 1 + k, ...), as a detector slower than the camera (default 1). */
  readonly every?: number;
  /**
   * How the tracker hears about frames without detections: `advance` steps it
   * on every frame (`Tracker.advance` on skipped ones, default); `jump`
   * updates it only on detected frames, passing the frame number so it
   * predicts across the gap, and carries boxes in between with `predictBox`
   * (as `TrackingPipeline` can, given source frame numbers).
   */
  readonly skipped?: 'advance' | 'jump';
}

export interface RunResult {
  readonly rows: MotRow[];
  /** Wall time of the tracker calls alone. */
  readonly trackerSeconds: number;
}

/** Tracker outputs per frame (index 0 is frame 1), late-box frames as 1-based source frames. */
function trackFrames(seq: MotSequence, options: RunOptions): { outputs: TrackOutput[][]; trackerSeconds: number } {
  const k = options.every ?? 1;
  const tracker = new Tracker(configForFrameRate(options.config ?? {}, seq.frameRate));
  const outputs = new Array<TrackOutput[]>(seq.seqLength);
  let last: TrackOutput[] = [];
  const start = performance.now();
  for (let f = 0; f < seq.seqLength; f++) {
    if (f % k === 0) outputs[f] = last = tracker.update(seq.detections[f], f + 1);
    else if (options.skipped === 'jump') outputs[f] = last.map((t) => ({ ...t, box: predictBox(t, (f % k) / k), lateBoxes: undefined }));
    else outputs[f] = tracker.advance(f + 1);
  }
  return { outputs, trackerSeconds: (performance.now() - start) / 1000 };
}

/** Runs a fresh tracker over every frame of `seq`. */
export function runOnSequence(seq: MotSequence, options: RunOptions = {}): RunResult {
  const backfill = options.backfill ?? true;
  const { outputs, trackerSeconds } = trackFrames(seq, options);
  // Tracker frames (and so `lateBoxes`) count from 1; the collector takes 0-based frame indices.
  const collector = new MotCollector();
  outputs.forEach((tracks, index) =>
    collector.add({
      index,
      tracks: tracks.map(({ lateBoxes, ...t }) =>
        backfill && lateBoxes ? { ...t, lateBoxes: lateBoxes.map((b) => ({ ...b, frame: b.frame - 1 })) } : t,
      ),
    }),
  );
  const rows = collector.rows();
  return { rows, trackerSeconds };
}

/** MOTChallenge 2D MOT 2015 protocol: gt rows with conf 0 dropped, match at IoU >= 0.5. */
export function scoreSequence(seq: MotSequence, rows: readonly MotRow[]): MotMetrics {
  if (seq.gt.length === 0) throw new Error(`${seq.name}: no gt/gt.txt to score against`);
  return evaluate(seq.gt, rows, { dropZeroConfGt: true, iouThreshold: 0.5 });
}

/** Loads every sequence folder (one holding seqinfo.ini) under `root`, sorted by name. */
export async function loadMotSequences(root: string): Promise<MotSequence[]> {
  const names = (await readdir(root)).filter((n) => existsSync(join(root, n, 'seqinfo.ini'))).sort();
  if (names.length === 0) throw new Error(`No MOTChallenge sequences (folders with seqinfo.ini) under ${root}`);
  return Promise.all(names.map((n) => loadMotSequence(join(root, n))));
}
