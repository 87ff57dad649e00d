import { defaultTrackerSettings, trackerSettingsError, type TrackerSettings } from './trackerSettings';

/**
 * The tracker settings a user tunes in the Video view, and whether uploads
 * are refined offline. They apply to the next upload and to every re-track.
 * `basis` names the detector whose preset the settings sit on (and whose
 * defaults "Reset" restores).
 */
export class TunerState {
  basis = $state('centernet');
  values = $state<TrackerSettings>(defaultTrackerSettings('centernet'));
  refine = $state(true);
  /** The validator's message for the current values, or null when they are valid. */
  readonly error = $derived(trackerSettingsError(this.basis, this.values));

  /** Restores `detector`'s defaults (and makes it the basis). */
  reset(detector = this.basis): void {
    this.basis = detector;
    this.values = defaultTrackerSettings(detector);
  }

  /** A plain copy for a worker message. */
  snapshot(): TrackerSettings {
    return { ...$state.snapshot(this.values) };
  }
}
