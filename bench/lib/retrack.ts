/**
 * Re-tracking benchmark (`npm run bench:video -- --retrack`): the first N
 * frames of a real video processed fully (ffmpeg decode, CenterNet + fusion
 * embeddings, tracker, refinement) while the detection cache is recorded, then
 * re-tracked from that in-memory cache (embedding decode, tracker, refinement;
 * no detector), in the same run. Reports ms per 1,000 frames for both and the
 * ratio, and checks that the re-tracked rows equal the full run's.
 */
import { basename } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { formatMot, type MotRow } from '../../src/core/metrics/motFormat.ts';
import { ResultsCollector } from '../../src/core/export/resultsCollector.ts';
import {
  DEFAULT_APPEARANCE,
  ReplayDetector,
  StreamRunner,
  TRACKER_PRESETS,
  loadStreamDetector,
  streamSettings,
} from '../../src/core/pipeline/index.ts';
import { DetectionCacheRecorder, cachedDetectionsByFrame, type DetectionCache } from '../../src/core/pipeline/detectionCache.ts';
import type { TrackerConfigInput } from '../../src/core/tracking/config.ts';
import { useNodeBackend } from '../../src/node/backend.ts';
import { openFrameInput } from '../../src/node/frameInput.ts';
import { fileSystemModelSource } from '../../src/node/fsModelSource.ts';

/** Real pedestrian footage from the opencv-doc package (768x576, 10 fps). */
export const RETRACK_VIDEO = '/usr/share/doc/opencv-doc/examples/data/vtest.avi';

/** The target: re-tracking 1,000 frames takes at most this long in Node. */
export const RETRACK_TARGET_MS_PER_1000 = 1000;

export interface RetrackResult {
  readonly video: string;
  readonly frames: number;
  /** Full processing, model load excluded. */
  readonly fullMs: number;
  /** Best of the re-track passes (the first pass includes JIT warm-up). */
  readonly retrackMs: number;
  readonly retrackPassesMs: readonly number[];
  readonly rows: number;
  readonly identical: boolean;
}

const now = (): number => performance.now();
const per1000 = (ms: number, frames: number): number => (ms * 1000) / frames;

/** Processes the first `frames` frames with the CLI's defaults, recording the cache; returns the refined rows and the cache. */
export async function fullRun(
  path: string,
  frames: number,
): Promise<{ rows: MotRow[]; cache: DetectionCache; ms: number; frames: number }> {
  const input = openFrameInput(path);
  const models = fileSystemModelSource(new URL('../../models', import.meta.url).pathname);
  const { detector } = await loadStreamDetector('centernet', {
    models,
    appearance: DEFAULT_APPEARANCE,
    ...streamSettings('centernet', input.frameRate, 1).detector,
  });
  const runner = new StreamRunner(detector, { frameRate: input.frameRate });
  const collector = new ResultsCollector();
  const recorder = new DetectionCacheRecorder();
  const t0 = now();
  let done = 0;
  try {
    for await (const f of input.frames()) {
      if (f.index >= frames) break;
      const tensor = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
      try {
        const result = await runner.step(tensor, f.index);
        recorder.add(result);
        collector.add(result);
      } finally {
        tensor.dispose();
      }
      done = f.index + 1;
      if (done % 50 === 0) process.stdout.write(`\rfull processing: ${done}/${frames} frames   `);
    }
  } finally {
    runner.dispose();
  }
  const rows = collector.refinedRows(input.frameRate);
  const ms = now() - t0;
  process.stdout.write('\n');
  const video = { fileName: basename(path), width: input.width, height: input.height, frameRate: input.frameRate, frameCount: done };
  return { rows, cache: recorder.build(video, detector.name, DEFAULT_APPEARANCE), ms, frames: done };
}

/** Re-tracks from the cache as `npm run track -- --detections` does: embeddings decoded, replayed, tracked, refined. */
export async function retrackCache(cache: DetectionCache): Promise<MotRow[]> {
  const replay = new ReplayDetector(cachedDetectionsByFrame(cache), true);
  const preset = (TRACKER_PRESETS as Record<string, TrackerConfigInput | undefined>)[cache.detector] ?? {};
  const runner = new StreamRunner(replay, { frameRate: cache.video.frameRate, preset });
  const collector = new ResultsCollector();
  // The replay ignores pixels: one 1x1 frame serves every step.
  const blank = tf.zeros([1, 1, 3], 'int32') as tf.Tensor3D;
  try {
    for (let index = 0; index < cache.video.frameCount; index++) {
      replay.frame = index;
      collector.add(await runner.step(blank, index));
    }
  } finally {
    blank.dispose();
    runner.dispose();
  }
  return collector.refinedRows(cache.video.frameRate);
}

export async function benchRetrack(frames: number, passes: number, path = RETRACK_VIDEO): Promise<RetrackResult> {
  await useNodeBackend('wasm');
  const full = await fullRun(path, frames);
  const passesMs: number[] = [];
  let retracked: MotRow[] = [];
  for (let i = 0; i < passes; i++) {
    const t0 = now();
    retracked = await retrackCache(full.cache);
    passesMs.push(now() - t0);
  }
  return {
    video: basename(path),
    frames: full.frames,
    fullMs: full.ms,
    retrackMs: Math.min(...passesMs),
    retrackPassesMs: passesMs,
    rows: full.rows.length,
    identical: formatMot(retracked) === formatMot(full.rows),
  };
}

export function formatRetrack(r: RetrackResult): string {
  const full = per1000(r.fullMs, r.frames);
  const re = per1000(r.retrackMs, r.frames);
  return [
    `Re-tracking from the detection cache, ${r.video}, first ${r.frames} frames, Node WASM (one run)`,
    '',
    '| stage | ms per 1,000 frames | vs full processing |',
    '|---|---|---|',
    `| full processing (decode + CenterNet + fusion embeddings + tracker + refinement) | ${full.toFixed(0)} | 100% |`,
    `| re-track from the cache (embedding decode + tracker + refinement) | ${re.toFixed(0)} | ${((100 * re) / full).toFixed(2)}% (1/${(full / re).toFixed(0)}) |`,
    '',
    `re-track passes (ms): ${r.retrackPassesMs.map((ms) => ms.toFixed(0)).join(', ')}; best of them is rated`,
    `${r.rows} refined rows; re-tracked rows ${r.identical ? 'identical to' : 'DIFFER from'} the full run's`,
    `target ≤ ${RETRACK_TARGET_MS_PER_1000} ms per 1,000 frames: ${re <= RETRACK_TARGET_MS_PER_1000 ? 'met' : 'NOT met'}`,
  ].join('\n');
}
