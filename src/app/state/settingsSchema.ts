import { BACKEND_CHOICES } from '../../core/backend/select';
import { CENTERNET_INPUT_SIZES } from '../../core/detection/centernetSizes';
import { DEFAULT_DETECTOR_CONFIG, DETECTOR_NAMES, MAX_DETECTIONS_LIMIT } from '../../core/detection/config';
import type { InputSizeSetting } from '../../core/pipeline/inputSize';
import { MAX_CADENCE, type CadenceSetting } from '../../core/pipeline/cadence';
import { APPEARANCE_CHOICES, DEFAULT_APPEARANCE } from '../../core/pipeline/appearanceChoice';
import { TRACKER_PRESETS } from '../../core/pipeline/presets';

/**
 * The user's persisted settings, each listed once: its default and the check
 * a stored value must pass. `SettingsState` (runes) and `parseStoredSettings`
 * are both derived from this table.
 */
interface Field<T> {
  readonly default: T;
  /** The value when valid, else undefined. */
  readonly parse: (value: unknown) => T | undefined;
  /** Allowed values, for the warning. */
  readonly allowed: string;
}

const oneOf = <T extends string>(values: readonly T[], fallback: T): Field<T> => ({
  default: fallback,
  parse: (v) => ((values as readonly unknown[]).includes(v) ? (v as T) : undefined),
  allowed: values.join(', '),
});
const flag = (fallback: boolean): Field<boolean> => ({
  default: fallback,
  parse: (v) => (typeof v === 'boolean' ? v : undefined),
  allowed: 'true or false',
});
const numberIn = (min: number, max: number, fallback: number, integer = false): Field<number> => ({
  default: fallback,
  parse: (v) => (typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)) ? v : undefined),
  allowed: `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`,
});
const cadence: Field<CadenceSetting> = {
  default: 'auto',
  parse: (v) => (v === 'auto' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_CADENCE) ? v : undefined),
  allowed: `'auto' or an integer in [1, ${MAX_CADENCE}]`,
};

const inputSize: Field<InputSizeSetting> = {
  default: 'auto',
  parse: (v) => (v === 'auto' || (CENTERNET_INPUT_SIZES as readonly unknown[]).includes(v) ? (v as InputSizeSetting) : undefined),
  allowed: `'auto' or one of ${CENTERNET_INPUT_SIZES.join(', ')}`,
};

/** Pixel motion between detections in the live view (`?flow=off`). */
const FLOW_CHOICES = ['on', 'off'] as const;

/** Largest mask cadence offered (every n-th detected frame; 0 = off). */
const MAX_SEGMENT_EVERY = 30;

export const SETTINGS_FIELDS = {
  backend: oneOf(BACKEND_CHOICES, 'auto'),
  detector: oneOf(DETECTOR_NAMES, 'centernet'),
  // The tracker's low-score (ByteTrack) pass needs the weak boxes too.
  scoreThreshold: numberIn(0, 1, TRACKER_PRESETS.centernet.lowScoreThreshold ?? DEFAULT_DETECTOR_CONFIG.scoreThreshold),
  iouThreshold: numberIn(0, 1, DEFAULT_DETECTOR_CONFIG.iouThreshold),
  maxDetections: numberIn(1, MAX_DETECTIONS_LIMIT, DEFAULT_DETECTOR_CONFIG.maxDetections, true),
  showBoxes: flag(true),
  showLabels: flag(true),
  showScores: flag(true),
  showTrails: flag(true),
  /** Track every class the detector knows instead of people only. */
  trackAllClasses: flag(false),
  /** Minimum camera frames per detection; 'auto' detects whenever the worker is free. */
  cadence,
  /** CenterNet input size; 'auto' picks it with the cadence from the tracked people's size (chooseInputSize). */
  inputSize,
  appearance: oneOf(APPEARANCE_CHOICES, DEFAULT_APPEARANCE),
  showMasks: flag(true),
  maskOpacity: numberIn(0, 1, 0.45),
  /** Segment every n-th detected frame (masks are slower than boxes); 0 = off. */
  segmentEvery: numberIn(0, MAX_SEGMENT_EVERY, 3, true),
  /** Live view: move carried boxes by the pixel motion measured inside them (median flow); off draws the Kalman carry only. */
  flow: oneOf(FLOW_CHOICES, 'on'),
  /**
   * Video view: keep each completed upload's detection cache in IndexedDB, so the same file re-tracks without
   * the detector after a reload. On by default: the view lists every saved cache with its size and a Delete.
   */
  saveDetections: flag(true),
} as const;

export type SettingsSnapshot = { -readonly [K in keyof typeof SETTINGS_FIELDS]: (typeof SETTINGS_FIELDS)[K]['default'] };
export type SettingKey = keyof SettingsSnapshot;
export const SETTING_KEYS = Object.keys(SETTINGS_FIELDS) as SettingKey[];

export const DEFAULT_SETTINGS: Readonly<SettingsSnapshot> = Object.freeze(
  Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS_FIELDS[k].default])) as SettingsSnapshot,
);

/**
 * Reads settings saved by an earlier visit (JSON text, or null when none):
 * valid values win over the defaults; unknown keys, bad values and unreadable
 * text are ignored with a warning that names them, never an error.
 */
export function parseStoredSettings(text: string | null): { values: SettingsSnapshot; warnings: string[] } {
  const values: SettingsSnapshot = { ...DEFAULT_SETTINGS };
  const warnings: string[] = [];
  if (text === null) return { values, warnings };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { values, warnings: ['Saved settings could not be read (not JSON); using the defaults.'] };
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { values, warnings: ['Saved settings are not an object; using the defaults.'] };
  }
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in SETTINGS_FIELDS)) {
      warnings.push(`Saved setting "${key}" is unknown; ignored.`);
      continue;
    }
    const field = SETTINGS_FIELDS[key as SettingKey] as Field<unknown>;
    const parsed = field.parse(value);
    if (parsed === undefined) {
      warnings.push(
        `Saved setting "${key}" is ${JSON.stringify(value)}; expected ${field.allowed}. Using ${JSON.stringify(field.default)}.`,
      );
    } else (values as Record<string, unknown>)[key] = parsed;
  }
  return { values, warnings };
}

/** A URL parameter as the JSON value it spells (`4`, `true`), else the string itself. */
function urlValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * Settings given in the page URL (`?cadence=4&inputSize=512`), each checked
 * like a stored value; a bad one is ignored with a warning naming it.
 * `backend` is left to its own parser. Not persisted.
 */
export function parseUrlSettings(
  params: URLSearchParams,
  current: Readonly<SettingsSnapshot>,
): { values: Partial<SettingsSnapshot>; warnings: string[] } {
  const values: Partial<Record<SettingKey, unknown>> = {};
  const warnings: string[] = [];
  for (const key of SETTING_KEYS) {
    const raw = params.get(key);
    if (key === 'backend' || raw === null) continue;
    const field = SETTINGS_FIELDS[key];
    const value = (field.parse as (v: unknown) => unknown)(urlValue(raw));
    if (value === undefined) warnings.push(`${key} "${raw}" in the URL is not ${field.allowed}; using "${String(current[key])}".`);
    else values[key] = value;
  }
  return { values: values as Partial<SettingsSnapshot>, warnings };
}
