import { describeStorageError } from '../../core/training/storageErrors';
import { DetectionCacheError, parseDetectionCache, serializeDetectionCache } from '../../core/pipeline/detectionCache';
import { openVideo } from '../../browser/video';
import type { SaveOutcome } from '../video/protocol';
import {
  loadSavedDetections,
  restoreMismatch,
  saveDetections,
  savedDetectionsKey,
  type DetectionSettings,
  type RunFacts,
  type SavedDetectionsEntry,
} from '../video/savedDetectionsDb';
import { recordedFrames, type RecordedVideo } from './recordedVideo';

/** What the user can do when the browser will not store a cache. */
const QUOTA_FIX =
  'Delete saved detections in the list below or free site data. The detections stay in memory: Re-track and Save detections still work.';

/**
 * Keeps `video`'s detection cache in IndexedDB (the video worker calls it
 * after a completed run). Never throws: a full quota or a disabled
 * IndexedDB comes back as a message, and the in-memory cache is untouched.
 */
export async function persistRecording(video: RecordedVideo, settings: DetectionSettings & { run: RunFacts }): Promise<SaveOutcome> {
  const { file, metadata, cache } = video;
  const json = new Blob([serializeDetectionCache(cache)], { type: 'application/json' });
  const key = savedDetectionsKey(file, settings);
  const entry: SavedDetectionsEntry = {
    key,
    fileName: file.name,
    fileSize: file.size,
    lastModified: file.lastModified,
    durationUs: metadata.durationUs,
    width: metadata.width,
    height: metadata.height,
    frames: recordedFrames(video),
    detectedFrames: cache.frames.length,
    detector: settings.detector,
    every: settings.every,
    backend: settings.run.backend.name,
    run: settings.run,
    savedAt: Date.now(),
    bytes: json.size,
  };
  try {
    await saveDetections(entry, { key, json, timestampsUs: [...video.timestampsUs] });
    return { ok: true, entry };
  } catch (e) {
    return { ok: false, message: describeStorageError('Keeping the detections in this browser', e, QUOTA_FIX) };
  }
}

/**
 * The recorded video for `file` from the cache saved under `key`: the file is
 * opened for its metadata (pixel motion re-reads its frames), and the cache
 * is checked against it like a loaded cache file. Throws `DetectionCacheError`
 * naming what does not fit.
 */
export async function restoreRecording(
  file: File,
  key: string,
  signal: AbortSignal,
): Promise<{ video: RecordedVideo; entry: SavedDetectionsEntry }> {
  const saved = await loadSavedDetections(key);
  if (!saved) throw new DetectionCacheError(`no saved detections for ${file.name} (they may have been deleted)`);
  const source = await openVideo(file, { signal });
  const metadata = source.metadata;
  source.close();
  const mismatch = restoreMismatch(saved.entry, metadata);
  if (mismatch) throw new DetectionCacheError(mismatch);
  const cache = parseDetectionCache(await saved.cache.json.text());
  if (cache.video.frameCount !== saved.cache.timestampsUs.length) {
    throw new DetectionCacheError(
      `the saved cache covers ${cache.video.frameCount} frames but has ${saved.cache.timestampsUs.length} timestamps`,
    );
  }
  const date = new Date(saved.entry.savedAt).toLocaleString();
  return { video: { file, metadata, timestampsUs: saved.cache.timestampsUs, cache, loadedFrom: `saved ${date}` }, entry: saved.entry };
}
