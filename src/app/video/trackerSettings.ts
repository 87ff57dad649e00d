import { trackerPresetFor } from '../../core/pipeline/presets';
import { DEFAULT_TRACKER_CONFIG, validateTrackerConfig, type TrackerConfig } from '../../core/tracking/config';

/**
 * The tracker settings the Video view lets a user change and re-track with:
 * durations in seconds, score thresholds on the detector's scale, and λ,
 * the weight of motion against appearance (appearance gets 1 − λ).
 */
export const TUNABLE_TRACKER_KEYS = [
  'maxAge',
  'nInit',
  'highScoreThreshold',
  'lowScoreThreshold',
  'newTrackScoreThreshold',
  'motionWeight',
] as const;

export type TrackerSettings = Pick<TrackerConfig, (typeof TUNABLE_TRACKER_KEYS)[number]>;

/** The settings a run from `detector` gets by default: its preset over the tracker defaults. */
export function defaultTrackerSettings(detector: string): TrackerSettings {
  const merged = { ...DEFAULT_TRACKER_CONFIG, ...trackerPresetFor(detector) };
  return Object.fromEntries(TUNABLE_TRACKER_KEYS.map((k) => [k, merged[k]])) as unknown as TrackerSettings;
}

/** Null when `settings` are valid over `detector`'s preset, else the validator's message (it names the value). */
export function trackerSettingsError(detector: string, settings: TrackerSettings): string | null {
  try {
    validateTrackerConfig({ ...trackerPresetFor(detector), ...settings });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
