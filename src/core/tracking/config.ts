import { checkBoolean as checkBooleanIn, checkNumber as checkNumberIn, rejectUnknownKeys } from '../util/configValue.ts';
import { TrackerConfigError } from './TrackerConfigError.ts';

/**
 * 0.95 quantile of the chi-square distribution for 1..9 degrees of freedom
 * (values from MATLAB/Octave `chi2inv(0.95, N)`, the table deep_sort ships).
 * The gate for a 4-dof (cx, cy, a, h) measurement is `CHI2INV95[4]`.
 */
export const CHI2INV95: Readonly<Record<number, number>> = {
  1: 3.8415,
  2: 5.9915,
  3: 7.8147,
  4: 9.4877,
  5: 11.07,
  6: 12.592,
  7: 14.067,
  8: 15.507,
  9: 16.919,
};

/** Which box a track reports: the Kalman posterior or its latest matched detection. */
export const OUTPUT_BOXES = ['filtered', 'detection'] as const;
export type OutputBox = (typeof OUTPUT_BOXES)[number];

/**
 * Kalman noise model. Standard deviations scale with the box height, so one
 * set of weights fits near and far objects (deep_sort's model, made config).
 */
export interface KalmanParams {
  /** Position std per pixel of height, for process and measurement noise. deep_sort: 1/20. */
  stdWeightPosition: number;
  /** Velocity std per pixel of height, per frame. deep_sort: 1/160. */
  stdWeightVelocity: number;
  /** Aspect-ratio process std per frame (unitless). deep_sort: 1e-2. */
  aspectProcessStd: number;
  /** Aspect-ratio velocity process std per frame. deep_sort: 1e-5. */
  aspectVelocityProcessStd: number;
  /** Aspect-ratio measurement std. deep_sort: 1e-1. */
  aspectMeasurementStd: number;
  /** Initial position std = factor x weight x height. deep_sort: 2. */
  initialPositionFactor: number;
  /** Initial velocity std = factor x velocity weight x height. deep_sort: 10. */
  initialVelocityFactor: number;
}

export interface TrackerConfig {
  /** Consecutive hits before a tentative track is confirmed. */
  nInit: number;
  /** Missed frames before a confirmed track is deleted. See `configForFrameRate`. */
  maxAge: number;
  /** Centre points kept per track for trails. */
  historyLength: number;
  /** Embeddings kept per track for appearance matching (deep_sort nn_budget). */
  galleryBudget: number;
  /** Detections at or above this score take part in the first (main) pass. */
  highScoreThreshold: number;
  /** Detections below this score are dropped; [low, high) feed the second pass. */
  lowScoreThreshold: number;
  /** ByteTrack second pass: low-score detections vs. still-unmatched confirmed tracks. */
  secondPass: boolean;
  /** Unmatched detections at or above this score start new tentative tracks. */
  newTrackScoreThreshold: number;
  /** Matching cascade: tracks seen more recently claim detections first. */
  cascade: boolean;
  /** Reject pairs whose squared Mahalanobis distance exceeds `gatingThreshold`. */
  mahalanobisGate: boolean;
  /** Squared Mahalanobis gate; default chi-square 0.95 quantile, 4 dof. */
  gatingThreshold: number;
  /** Max 1 - IoU for confirmed and tentative tracks in the main pass. */
  maxIouDistance: number;
  /** Max 1 - IoU in the low-score second pass (ByteTrack uses 0.5). */
  secondPassMaxIouDistance: number;
  /** Observation-centric recovery (OC-SORT): lost tracks' last detection box vs leftover detections. */
  recoveryPass: boolean;
  /** Max 1 - IoU in the recovery pass. */
  recoveryMaxIouDistance: number;
  /** Max cosine distance for an appearance match (deep_sort: 0.2). */
  maxCosineDistance: number;
  /** λ: weight of the motion (IoU) cost against appearance when embeddings exist. */
  motionWeight: number;
  /** Only associate detections and tracks with the same classId. */
  classAware: boolean;
  /** Longest gap of missed frames a re-acquired track back-fills by interpolation (0 = off). */
  gapFillMaxFrames: number;
  /** Box reported for a track. */
  outputBox: OutputBox;
  /** Report confirmed tracks whose timeSinceUpdate is at most this. */
  outputMaxTimeSinceUpdate: number;
  kalman: KalmanParams;
}

export const DEFAULT_KALMAN_PARAMS: Readonly<KalmanParams> = Object.freeze({
  stdWeightPosition: 1 / 20,
  stdWeightVelocity: 1 / 160,
  aspectProcessStd: 1e-2,
  aspectVelocityProcessStd: 1e-5,
  aspectMeasurementStd: 1e-1,
  initialPositionFactor: 2,
  initialVelocityFactor: 10,
});

/**
 * Defaults, tuned on the ten MOT15 training sequences with motion only
 * (see bench/tracker.ts --ablation) and kept round so they generalise.
 */
export const DEFAULT_TRACKER_CONFIG: Readonly<TrackerConfig> = Object.freeze({
  nInit: 3,
  maxAge: 30,
  historyLength: 30,
  galleryBudget: 100,
  highScoreThreshold: 0.9,
  lowScoreThreshold: 0.5,
  secondPass: true,
  newTrackScoreThreshold: 0.9,
  cascade: true,
  mahalanobisGate: true,
  gatingThreshold: CHI2INV95[4],
  maxIouDistance: 0.7,
  secondPassMaxIouDistance: 0.5,
  recoveryPass: true,
  recoveryMaxIouDistance: 0.7,
  maxCosineDistance: 0.2,
  motionWeight: 0.2,
  classAware: true,
  gapFillMaxFrames: 15,
  outputBox: 'filtered',
  outputMaxTimeSinceUpdate: 0,
  kalman: DEFAULT_KALMAN_PARAMS,
});

const checkNumber = (key: string, value: unknown, min: number, max: number, integer = false): number =>
  checkNumberIn(TrackerConfigError, key, value, min, max, integer);
const checkBoolean = (key: string, value: unknown): boolean => checkBooleanIn(TrackerConfigError, key, value);

function validateKalman(input: Partial<KalmanParams> = {}): KalmanParams {
  rejectUnknownKeys(TrackerConfigError, input, Object.keys(DEFAULT_KALMAN_PARAMS), 'kalman.');
  const k = { ...DEFAULT_KALMAN_PARAMS, ...input };
  const positive = (key: keyof KalmanParams) => checkNumber(`kalman.${key}`, k[key], Number.MIN_VALUE, 1e3);
  return {
    stdWeightPosition: positive('stdWeightPosition'),
    stdWeightVelocity: positive('stdWeightVelocity'),
    aspectProcessStd: positive('aspectProcessStd'),
    aspectVelocityProcessStd: positive('aspectVelocityProcessStd'),
    aspectMeasurementStd: positive('aspectMeasurementStd'),
    initialPositionFactor: positive('initialPositionFactor'),
    initialVelocityFactor: positive('initialVelocityFactor'),
  };
}

/** Partial input for `validateTrackerConfig`; `kalman` may be partial too. */
export type TrackerConfigInput = Partial<Omit<TrackerConfig, 'kalman'>> & { kalman?: Partial<KalmanParams> };

/**
 * Merges `input` over the defaults and checks every value. Returns a new
 * object (the input is never kept or mutated); throws `TrackerConfigError`
 * naming the key, its value and the allowed range.
 */
export function validateTrackerConfig(input: TrackerConfigInput = {}): TrackerConfig {
  rejectUnknownKeys(TrackerConfigError, input, Object.keys(DEFAULT_TRACKER_CONFIG));
  const c = { ...DEFAULT_TRACKER_CONFIG, ...input };
  const config: TrackerConfig = {
    nInit: checkNumber('nInit', c.nInit, 1, 1000, true),
    maxAge: checkNumber('maxAge', c.maxAge, 1, 100_000, true),
    historyLength: checkNumber('historyLength', c.historyLength, 0, 100_000, true),
    galleryBudget: checkNumber('galleryBudget', c.galleryBudget, 1, 10_000, true),
    highScoreThreshold: checkNumber('highScoreThreshold', c.highScoreThreshold, 0, 1),
    lowScoreThreshold: checkNumber('lowScoreThreshold', c.lowScoreThreshold, 0, 1),
    secondPass: checkBoolean('secondPass', c.secondPass),
    newTrackScoreThreshold: checkNumber('newTrackScoreThreshold', c.newTrackScoreThreshold, 0, 1),
    cascade: checkBoolean('cascade', c.cascade),
    mahalanobisGate: checkBoolean('mahalanobisGate', c.mahalanobisGate),
    gatingThreshold: checkNumber('gatingThreshold', c.gatingThreshold, Number.MIN_VALUE, 1e6),
    maxIouDistance: checkNumber('maxIouDistance', c.maxIouDistance, 0, 1),
    secondPassMaxIouDistance: checkNumber('secondPassMaxIouDistance', c.secondPassMaxIouDistance, 0, 1),
    recoveryPass: checkBoolean('recoveryPass', c.recoveryPass),
    recoveryMaxIouDistance: checkNumber('recoveryMaxIouDistance', c.recoveryMaxIouDistance, 0, 1),
    maxCosineDistance: checkNumber('maxCosineDistance', c.maxCosineDistance, 0, 2),
    motionWeight: checkNumber('motionWeight', c.motionWeight, 0, 1),
    classAware: checkBoolean('classAware', c.classAware),
    gapFillMaxFrames: checkNumber('gapFillMaxFrames', c.gapFillMaxFrames, 0, 100_000, true),
    outputBox: c.outputBox,
    outputMaxTimeSinceUpdate: checkNumber('outputMaxTimeSinceUpdate', c.outputMaxTimeSinceUpdate, 0, 100_000, true),
    kalman: validateKalman(input.kalman),
  };
  if (!OUTPUT_BOXES.includes(config.outputBox)) {
    throw new TrackerConfigError('outputBox', config.outputBox, `one of ${OUTPUT_BOXES.join(', ')}`);
  }
  if (config.lowScoreThreshold > config.highScoreThreshold) {
    throw new TrackerConfigError(
      'lowScoreThreshold',
      config.lowScoreThreshold,
      `a number in [0, highScoreThreshold = ${config.highScoreThreshold}]`,
    );
  }
  return config;
}

/** Durations in seconds that `configForFrameRate` turns into frame counts. */
export interface TimeSettings {
  /** How long a lost track survives (sets `maxAge`). */
  maxAgeSeconds?: number;
  /** Longest gap a re-acquired track back-fills (sets `gapFillMaxFrames`). */
  gapFillSeconds?: number;
}

/** Time settings used by the MOT CLI and bench: 1 s of survival (30 frames at 30 fps), 0.5 s of gap fill. */
export const DEFAULT_TIME_SETTINGS: Readonly<TimeSettings> = Object.freeze({ maxAgeSeconds: 1, gapFillSeconds: 0.5 });

/**
 * Scales the frame-count settings for a stream's frame rate, so one config
 * fits 10 fps and 30 fps footage alike. Settings left out keep their value
 * from `input` (or the default); maxAge keeps at least one frame.
 */
export function configForFrameRate(input: TrackerConfigInput, frameRate: number, time: TimeSettings): TrackerConfig {
  checkNumber('frameRate', frameRate, Number.MIN_VALUE, 10_000);
  const scaled: TrackerConfigInput = { ...input };
  if (time.maxAgeSeconds !== undefined) {
    checkNumber('maxAgeSeconds', time.maxAgeSeconds, 0, 100_000);
    scaled.maxAge = Math.max(1, Math.round(frameRate * time.maxAgeSeconds));
  }
  if (time.gapFillSeconds !== undefined) {
    checkNumber('gapFillSeconds', time.gapFillSeconds, 0, 100_000);
    scaled.gapFillMaxFrames = Math.round(frameRate * time.gapFillSeconds);
  }
  return validateTrackerConfig(scaled);
}
