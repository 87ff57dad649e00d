import type { VideoMetadata } from '../../browser/video';
import type { OpenedInfo } from './protocol';
import type { SavedDetectionsEntry } from './savedDetectionsDb';

/**
 * The metadata list's facts for a restore from saved detections: the
 * reopened video's metadata and how the saved run was made. A saved run
 * processed every frame, so the frame count is exact. Null for an entry
 * saved before its run's facts were kept.
 */
export function savedOpenedInfo(entry: SavedDetectionsEntry, metadata: VideoMetadata): OpenedInfo | null {
  if (entry.run === undefined) return null;
  return { ...entry.run, metadata, expectedFrames: entry.frames, expectedIsEstimate: false };
}
