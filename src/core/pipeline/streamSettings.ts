import type { DetectorConfig, DetectorName } from '../detection/config.ts';
import { configForFrameRate, type TrackerConfig } from '../tracking/config.ts';
import { DEFAULT_TRACKED_CLASSES, TRACKER_PRESETS } from './presets.ts';

export interface StreamSettings {
  detector: Partial<DetectorConfig>;
  tracker: TrackerConfig;
}

/**
 * Detector and tracker settings for one stream. The uploaded-video view and
 * the headless CLI both call this, so the same video with the same options
 * gives the same tracks in both.
 *
 * - The detector keeps boxes down to the preset's low score, so the tracker's
 *   ByteTrack pass sees them; it keeps only `classes` (people by default).
 * - The tracker's clock runs at the rate it is updated: frame rate /
 *   detect-every-k (its settings are in seconds).
 */
export function streamSettings(
  detector: DetectorName,
  frameRate: number,
  every = 1,
  classes: readonly string[] | null = DEFAULT_TRACKED_CLASSES,
): StreamSettings {
  const preset = TRACKER_PRESETS[detector];
  return {
    detector: { scoreThreshold: preset.lowScoreThreshold, ...(classes ? { classes: [...classes] } : {}) },
    tracker: configForFrameRate(preset, frameRate / every),
  };
}
