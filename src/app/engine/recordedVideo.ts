import type { VideoMetadata } from '../../browser/video';
import { DetectionCacheError, cacheFromMotDetections, parseDetectionCache, type DetectionCache } from '../../core/pipeline/detectionCache';
import { parseMot } from '../../core/metrics';

/**
 * The last processed upload as the video worker keeps it for re-tracking:
 * the file (for pixels, when pixel motion needs them), its metadata, each
 * frame's timestamp, and the detection cache (`src/core/pipeline/detectionCache.ts`,
 * the CLI's format; boxes in source pixels).
 */
export interface RecordedVideo {
  readonly file: File;
  readonly metadata: VideoMetadata;
  readonly timestampsUs: readonly number[];
  cache: DetectionCache;
  /** Name of a loaded cache or det.txt; undefined while the cache is this session's own recording. */
  loadedFrom?: string;
}

/** Frames of the recorded video (the processed ones: a cancelled run keeps the frames it reached). */
export const recordedFrames = (video: RecordedVideo): number => video.timestampsUs.length;

/**
 * Reads a detection cache (JSON, as `npm run track -- --save-detections`
 * writes) or a MOTChallenge det.txt for `video`; throws `DetectionCacheError`
 * (or `MotParseError`) with a message naming what does not fit.
 */
export async function readDetectionsFile(file: File, video: RecordedVideo): Promise<DetectionCache> {
  const text = await file.text();
  const frameCount = recordedFrames(video);
  const { width, height } = video.metadata;
  if (/^\s*\{/.test(text)) {
    const cache = parseDetectionCache(text);
    if (cache.video.width !== width || cache.video.height !== height) {
      throw new DetectionCacheError(
        `it was recorded on ${cache.video.width}×${cache.video.height} frames, but ${video.metadata.fileName} is ${width}×${height}`,
      );
    }
    if (cache.video.frameCount !== frameCount) {
      throw new DetectionCacheError(`it covers ${cache.video.frameCount} frames, but ${video.metadata.fileName} has ${frameCount}`);
    }
    return cache;
  }
  const rows = parseMot(text, file.name);
  const inVideo = rows.filter((r) => r.frame >= 1 && r.frame <= frameCount).length;
  if (inVideo === 0) {
    throw new DetectionCacheError(`none of its ${rows.length} rows falls on frames 1–${frameCount} of ${video.metadata.fileName}`);
  }
  return cacheFromMotDetections(rows, {
    fileName: video.metadata.fileName,
    width,
    height,
    frameRate: video.metadata.frameRate.fps,
    frameCount,
  });
}
