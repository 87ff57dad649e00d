import { BACKEND_CHOICES, parseBackendChoice } from '../../core/backend/select';
import { DETECTOR_NAMES, type DetectorName } from '../../core/detection';
import { DEFAULT_TRACKED_CLASSES } from '../../core/pipeline/presets';
import { parseStoredSettings, SETTING_KEYS, type SettingsSnapshot } from './settingsSchema';

export { DEFAULT_SETTINGS, type SettingsSnapshot } from './settingsSchema';

const STORAGE_KEY = 'trackscope.settings.v1';
/** Camera frame rate the live stream assumes: what webcams deliver by default (the browser's getUserMedia default is 30). */
const LIVE_FRAME_RATE = 30;

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled
  }
}

/**
 * User settings: defaults, then localStorage (validated field by field, see
 * `settingsSchema.ts`), then URL parameters (`?backend=wasm&detector=coco-ssd`),
 * which win so a link reproduces a setup. Every field of `SettingsSnapshot`
 * is a reactive property (one `$state` object behind accessors).
 */
class PersistedSettings {
  readonly #values = $state<SettingsSnapshot>(parseStoredSettings(null).values);
  /** Problems found in saved settings and URL parameters, shown once to the user. */
  warnings = $state.raw<string[]>([]);

  constructor(search: string) {
    for (const key of SETTING_KEYS) {
      Object.defineProperty(this, key, {
        enumerable: true,
        get: () => this.#values[key],
        set: (value: never) => (this.#values[key] = value),
      });
    }
    const stored = parseStoredSettings(readStored());
    Object.assign(this.#values, stored.values);
    const warnings = [...stored.warnings];
    for (const w of stored.warnings) console.warn(w);
    const params = new URLSearchParams(search);
    try {
      if (params.has('backend')) this.#values.backend = parseBackendChoice(params.get('backend'));
    } catch (e) {
      warnings.push(`${(e as Error).message}; using "${this.#values.backend}". Allowed: ${BACKEND_CHOICES.join(', ')}.`);
    }
    const detector = params.get('detector');
    if (detector && (DETECTOR_NAMES as readonly string[]).includes(detector)) this.#values.detector = detector as DetectorName;
    else if (detector)
      warnings.push(`detector "${detector}" is not one of ${DETECTOR_NAMES.join(', ')}; using "${this.#values.detector}".`);
    this.warnings = warnings;
  }

  get overlay() {
    const v = this.#values;
    return {
      showBoxes: v.showBoxes,
      showLabels: v.showLabels,
      showScores: v.showScores,
      showTrails: v.showTrails,
      showMasks: v.showMasks,
      maskOpacity: v.maskOpacity,
    };
  }

  get tracking() {
    const v = this.#values;
    return {
      classes: v.trackAllClasses ? null : [...DEFAULT_TRACKED_CLASSES],
      frameRate: LIVE_FRAME_RATE,
      cadence: v.cadence,
      inputSize: v.inputSize,
      appearance: v.appearance,
      segmentEvery: v.segmentEvery,
    };
  }

  get detectorConfig() {
    const v = this.#values;
    return { scoreThreshold: v.scoreThreshold, iouThreshold: v.iouThreshold, maxDetections: v.maxDetections };
  }

  save(): void {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify($state.snapshot(this.#values)));
    } catch {
      // Private mode or storage disabled: settings still apply for this visit.
    }
  }
}

export type SettingsState = PersistedSettings & SettingsSnapshot;
export const SettingsState = PersistedSettings as new (search: string) => SettingsState;
