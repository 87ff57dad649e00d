import type { DetectorConfig, DetectorName } from '../detection/config.ts';
import { configForFrameRate, type TrackerConfig, type TrackerConfigInput } from '../tracking/config.ts';
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
 * - The tracker's clock runs at the source frame rate (`TrackingPipeline`
 *   gives it source frame numbers, so it predicts across skipped frames);
 *   its durations are in seconds, so the cadence (`_every`, kept for
 *   callers) no longer changes the settings.
 * - `preset` defaults to the detector's; recorded detections (MOT `det.txt`)
 *   pass the tracker defaults, which were fitted to them.
 */
export function streamSettings(
  detector: DetectorName,
  frameRate: number,
  _every = 1,
  classes: readonly string[] | null = DEFAULT_TRACKED_CLASSES,
  preset: TrackerConfigInput = TRACKER_PRESETS[detector],
): StreamSettings {
  return {
    detector: {
      ...(preset.lowScoreThreshold !== undefined ? { scoreThreshold: preset.lowScoreThreshold } : {}),
      ...(classes ? { classes: [...classes] } : {}),
    },
    tracker: configForFrameRate(preset, frameRate),
  };
}
