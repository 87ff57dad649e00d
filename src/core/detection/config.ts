import { ConfigValueError, checkNumber, rejectUnknownKeys } from '../util/configValue.ts';

/** Detectors `loadDetector` can build; the UI lists these. */
export const DETECTOR_NAMES = ['centernet', 'coco-ssd'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** Post-processing settings shared by all detectors. */
export interface DetectorConfig {
  /** Drop detections scoring below this, in [0, 1]. */
  readonly scoreThreshold: number;
  /** Class-aware NMS: suppress same-class boxes overlapping more than this IoU, in [0, 1]. */
  readonly iouThreshold: number;
  /** Keep at most this many detections per frame, an integer in [1, 100]. */
  readonly maxDetections: number;
  /** Keep only these labels (e.g. ['person']); all classes when omitted. */
  readonly classes?: readonly string[];
}

/** CenterNet decodes at most 100 candidates per frame (its top-k in the graph). */
export const MAX_DETECTIONS_LIMIT = 100;

export const DEFAULT_DETECTOR_CONFIG: DetectorConfig = Object.freeze({
  // 0.3 keeps partly occluded pedestrians in vtest while rejecting the
  // low-confidence background boxes CenterNet emits (it always returns 100).
  scoreThreshold: 0.3,
  iouThreshold: 0.5,
  maxDetections: 50,
});

/** Thrown by `validateDetectorConfig` for an unknown key or a value outside its allowed range. */
export class DetectorConfigError extends ConfigValueError {
  override readonly name = 'DetectorConfigError';
}

const CONFIG_KEYS = ['scoreThreshold', 'iouThreshold', 'maxDetections', 'classes'] as const;
const checkRange = (key: string, value: unknown, min: number, max: number, integer = false): number =>
  checkNumber(DetectorConfigError, key, value, min, max, integer);

/**
 * Fills defaults, validates and returns a copy (the input is not kept).
 * `labels`, when given, is the detector's label list; `classes` must be in it.
 */
export function validateDetectorConfig(config: Partial<DetectorConfig> = {}, labels?: readonly string[]): DetectorConfig {
  rejectUnknownKeys(DetectorConfigError, config, CONFIG_KEYS);
  const merged = { ...DEFAULT_DETECTOR_CONFIG, ...config };
  checkRange('scoreThreshold', merged.scoreThreshold, 0, 1);
  checkRange('iouThreshold', merged.iouThreshold, 0, 1);
  checkRange('maxDetections', merged.maxDetections, 1, MAX_DETECTIONS_LIMIT, true);
  if (merged.classes === undefined) {
    const { classes: _omit, ...rest } = merged;
    return rest;
  }
  if (!Array.isArray(merged.classes) || merged.classes.length === 0) {
    throw new DetectorConfigError('classes', merged.classes, 'a non-empty array of labels or undefined');
  }
  if (labels !== undefined) {
    const unknown = merged.classes.filter((c) => !labels.includes(c));
    if (unknown.length > 0) {
      throw new DetectorConfigError('classes', merged.classes, `labels from: ${labels.join(', ')} (unknown: ${unknown.join(', ')})`);
    }
  }
  return { ...merged, classes: [...merged.classes] };
}

/**
 * A detector's live config plus the class-id filter derived from it, so
 * `setConfig` stays one validated step for every detector.
 */
export class DetectorSettings {
  #config: DetectorConfig;
  #allowed: ReadonlySet<number> | null = null;

  constructor(
    readonly labels: readonly string[],
    config: Partial<DetectorConfig>,
  ) {
    this.#config = this.#apply(config);
  }

  get config(): DetectorConfig {
    return this.#config;
  }

  /** Allowed class ids, or null for all classes. */
  get allowed(): ReadonlySet<number> | null {
    return this.#allowed;
  }

  /** Validates the merged config; a bad update throws and keeps the old one. */
  update(update: Partial<DetectorConfig>): void {
    this.#config = this.#apply({ ...this.#config, ...update });
  }

  #apply(config: Partial<DetectorConfig>): DetectorConfig {
    const valid = validateDetectorConfig(config, this.labels);
    this.#allowed = valid.classes ? new Set(valid.classes.map((c) => this.labels.indexOf(c))) : null;
    return valid;
  }
}
