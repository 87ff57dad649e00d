import * as tf from '@tensorflow/tfjs';
import { PixelMotion, ReplayDetector, StreamRunner, trackerPresetFor } from '../../core/pipeline';
import { cachedDetectionsByFrame, recordedCadence } from '../../core/pipeline/detectionCache';
import { openVideo, videoFrameToRgb } from '../../browser/video';
import type { TrackerExplanation } from '../../core/tracking';
import type { TrackerSettings } from '../video/trackerSettings';
import { recordedFrames, type RecordedVideo } from './recordedVideo';
import { FirstBoxes } from './thumbnails';
import type { VideoBatcher } from './videoBatcher';

/** Frames replayed between yields to the worker's event loop. */
const YIELD_EVERY = 64;

/**
 * Source frames for a replay, each a tensor the caller disposes: the decoded
 * pixels when pixel motion needs them (a cadence above 1, as in the first
 * run), otherwise an empty 1×1 frame (the `ReplayDetector` ignores pixels).
 */
async function* replayFrames(video: RecordedVideo, pixels: boolean, signal: AbortSignal): AsyncGenerator<tf.Tensor3D> {
  if (!pixels) {
    for (let i = 0; i < recordedFrames(video); i++) yield tf.zeros([1, 1, 3], 'int32');
    return;
  }
  const source = await openVideo(video.file, { signal });
  try {
    const size = { width: video.metadata.width, height: video.metadata.height };
    let n = 0;
    for await (const { frame } of source.frames({ signal })) {
      try {
        const rgb = await videoFrameToRgb(frame, size);
        yield tf.tensor3d(rgb.data, [rgb.height, rgb.width, 3], 'int32');
      } finally {
        frame.close();
      }
      if (++n >= recordedFrames(video)) break;
    }
  } finally {
    source.close();
  }
}

/** A `StreamRunner` over `video`'s cache: `settings` over the cache detector's preset, at the recorded cadence. */
function replayRunner(video: RecordedVideo, settings: TrackerSettings | undefined) {
  const { cache } = video;
  const cadence = recordedCadence(cache);
  const replay = new ReplayDetector(cachedDetectionsByFrame(cache), cache.detector !== 'det.txt');
  const motion = cadence > 1 ? new PixelMotion() : undefined;
  const runner = new StreamRunner(replay, {
    frameRate: video.metadata.frameRate.fps,
    cadence,
    preset: { ...trackerPresetFor(cache.detector), ...settings },
    motion,
  });
  return { runner, replay, pixels: motion !== undefined };
}

/**
 * Re-runs tracking over `video`'s detection cache with `settings` over the
 * cache detector's preset: the same `StreamRunner` as processing, with a
 * `ReplayDetector` in place of the model, so the same settings give the
 * same tracks and the detector never runs. Tracks are in source pixels (the
 * cache's). Frames go to `batcher` as processing sends them. Returns each
 * track's first box, for its thumbnail.
 */
export async function replayTracking(
  video: RecordedVideo,
  settings: TrackerSettings | undefined,
  batcher: VideoBatcher,
  signal: AbortSignal,
  gate: () => Promise<void>,
): Promise<FirstBoxes> {
  const { runner, replay, pixels } = replayRunner(video, settings);
  const firsts = new FirstBoxes();
  const masks = new Map(video.cache.frames.flatMap((f) => (f.mask ? [[f.index, f.mask] as const] : [])));
  try {
    let index = 0;
    for await (const tensor of replayFrames(video, pixels, signal)) {
      let result;
      try {
        replay.frame = index;
        result = await runner.step(tensor, index);
      } finally {
        tensor.dispose();
      }
      if (result.detected) batcher.addEmbeddings(result.tracks, result.detections);
      const mask = result.detected ? masks.get(index) : undefined;
      firsts.add(index, result.tracks);
      batcher.add({ index, timestampUs: video.timestampsUs[index], detected: result.detected, tracks: [...result.tracks], mask });
      index++;
      // Replayed detections resolve at once: yield to the event loop now and then so pause and cancel get through.
      if (index % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      await gate();
      if (signal.aborted) break;
    }
    batcher.flush();
  } finally {
    runner.dispose();
  }
  return firsts;
}

/**
 * What the tracker did on the latest detected frame at or before `frame`:
 * the cache is replayed up to it with `settings` (as a re-track would), and
 * that frame's update is observed (`TrackerExplanation`).
 */
export async function explainFrame(
  video: RecordedVideo,
  settings: TrackerSettings | undefined,
  frame: number,
): Promise<{ frame: number; explanation: TrackerExplanation }> {
  const target = video.cache.frames.filter((f) => f.index <= frame).pop()?.index;
  if (target === undefined) throw new RangeError(`no detector run at or before frame ${frame + 1}`);
  const { runner, replay, pixels } = replayRunner(video, settings);
  let explanation: TrackerExplanation | undefined;
  try {
    let index = 0;
    for await (const tensor of replayFrames(video, pixels, new AbortController().signal)) {
      try {
        replay.frame = index;
        if (index === target) runner.pipeline.explainNextUpdate((e) => (explanation = e));
        await runner.step(tensor, index);
      } finally {
        tensor.dispose();
      }
      if (index++ === target) break;
    }
  } finally {
    runner.dispose();
  }
  if (!explanation) throw new Error(`frame ${target + 1} was not a tracker update`);
  return { frame: target, explanation };
}
