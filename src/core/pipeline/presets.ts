import type { DetectorName } from '../detection/config.ts';
import type { TrackerConfigInput } from '../tracking/config.ts';

/**
 * Tracker score thresholds depend on the detector's score scale. The tracker
 * defaults were fitted to MOT15's Faster R-CNN detections (confident boxes
 * score > 0.9). CenterNet's person scores on the 150-frame vtest clip are
 * bimodal: 894 of 1706 boxes score 0.2-0.4 (mostly clutter: rocks, poles),
 * 621 score 0.5-0.8 (pedestrians), with a trough at 0.4-0.5 — so its split
 * sits at 0.4. Detections between low and high feed the
 * ByteTrack second pass only; they never start tracks.
 */
export const TRACKER_PRESETS: Readonly<Record<DetectorName, TrackerConfigInput>> = Object.freeze({
  centernet: { highScoreThreshold: 0.4, lowScoreThreshold: 0.2, newTrackScoreThreshold: 0.45 },
  'coco-ssd': { highScoreThreshold: 0.6, lowScoreThreshold: 0.3, newTrackScoreThreshold: 0.6 },
});

/** Classes tracked by default: the app is about people; users can add others. */
export const DEFAULT_TRACKED_CLASSES: readonly string[] = Object.freeze(['person']);

/**
 * The tracker preset for detections from `detector`: its entry in
 * `TRACKER_PRESETS`, or the tracker defaults (fitted to MOT15's recorded
 * detections) for anything else, such as a `det.txt` recording.
 */
export function trackerPresetFor(detector: string): TrackerConfigInput {
  return (TRACKER_PRESETS as Readonly<Record<string, TrackerConfigInput | undefined>>)[detector] ?? {};
}
