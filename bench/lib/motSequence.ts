/**
 * Node-only helpers shared by `bench/tracker.ts`, `cli/track-mot.ts` and the
 * tracking regression test: load a MOTChallenge sequence folder and run the
 * tracker over its detections, producing MOTChallenge result rows.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMotFile } from '../../src/core/metrics/readMotFile.ts';
import { evaluate } from '../../src/core/metrics/index.ts';
import type { MotMetrics, MotRow } from '../../src/core/metrics/index.ts';
import { Tracker, configForFrameRate, predictBox } from '../../src/core/tracking/index.ts';
import type { Detection, TrackOutput, TrackerConfigInput } from '../../src/core/tracking/index.ts';

export interface MotSequence {
  readonly name: string;
  readonly frameRate: number;
  readonly seqLength: number;
  /** Detections per frame; index 0 is frame 1. */
  readonly detections: Detection[][];
  /** Ground truth rows (empty when the folder has no gt/gt.txt). */
  readonly gt: MotRow[];
}

/** Reads `seqinfo.ini` keys (`key=value` lines under `[Sequence]`). */
export async function readSeqInfo(dir: string): Promise<Record<string, string>> {
  const text = await readFile(join(dir, 'seqinfo.ini'), 'utf8');
  const info: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^=;#[\]]+?)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) info[m[1]] = m[2];
  }
  return info;
}

export async function loadMotSequence(dir: string): Promise<MotSequence> {
  const info = await readSeqInfo(dir);
  const frameRate = Number(info.frameRate);
  const detRows = await readMotFile(join(dir, 'det', 'det.txt'));
  const seqLength = Number(info.seqLength) || Math.max(0, ...detRows.map((r) => r.frame));
  if (!(frameRate > 0)) throw new Error(`${dir}/seqinfo.ini: frameRate must be a positive number, got "${info.frameRate}"`);
  const detections: Detection[][] = Array.from({ length: seqLength }, () => []);
  for (const r of detRows) {
    if (r.frame < 1 || r.frame > seqLength) continue;
    detections[r.frame - 1].push({ box: r.box, score: r.conf });
  }
  const gtPath = join(dir, 'gt', 'gt.txt');
  const gt = existsSync(gtPath) ? await readMotFile(gtPath) : [];
  return { name: info.name ?? dir, frameRate, seqLength, detections, gt };
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
   * predicts across the gap, and carries boxes in between with `predictBox`.
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
    else if (options.skipped === 'jump') outputs[f] = last.map((t) => ({ ...t, box: predictBox(t, f % k), lateBoxes: undefined }));
    else outputs[f] = tracker.advance(f + 1);
  }
  return { outputs, trackerSeconds: (performance.now() - start) / 1000 };
}

/** Runs a fresh tracker over every frame of `seq`. */
export function runOnSequence(seq: MotSequence, options: RunOptions = {}): RunResult {
  const backfill = options.backfill ?? true;
  const { outputs, trackerSeconds } = trackFrames(seq, options);
  const rows: MotRow[] = [];
  for (let f = 0; f < seq.seqLength; f++) {
    for (const t of outputs[f]) {
      rows.push({ frame: f + 1, id: t.id, box: t.box, conf: t.score });
      if (backfill && t.lateBoxes) {
        for (const b of t.lateBoxes) rows.push({ frame: b.frame, id: t.id, box: b.box, conf: t.score });
      }
    }
  }
  rows.sort((a, b) => a.frame - b.frame || a.id - b.id);
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
