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

/**
 * Durations are in seconds and converted with `frameRate`, so one config fits
 * 7 fps and 30 fps footage, and a detector that runs on every frame or on
 * every k-th one (see `Tracker.advance`).
 */
export interface TrackerConfig {
  /** Rate of the tracker's clock (frames per second): one `update` or `advance` call is one frame. */
  frameRate: number;
  /**
   * Seconds a tentative track must be detected for before it is confirmed
   * early: with at least `MIN_CONFIRM_HITS` detections this far apart
   * (first to latest), or with `CONFIRM_HITS` whenever they come, and in both
   * cases no detector run in between that missed it. 0 confirms on the first
   * detection.
   */
  nInit: number;
  /** Seconds without a detection before a confirmed track is deleted. */
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
  /** Longest gap (seconds) a re-acquired track back-fills by interpolation (0 = off). */
  gapFill: number;
  /** Box reported for a track. */
  outputBox: OutputBox;
  /** Report confirmed tracks last detected at most this many seconds before the latest detector run. */
  outputMaxTimeSinceUpdate: number;
  /**
   * Buffered IoU (C-BIoU, Yang et al., WACV 2023): before IoU, a track's box
   * and the detection are each widened on every side by `iouBufferPerSecond`
   * x the seconds the detector skipped since the track's last detection
   * (time since then less one frame), capped at `maxIouBuffer`, so an object
   * that moved while no detector looked still overlaps. Only tracks detected
   * on the previous detector run are buffered: a detection every frame gives
   * plain IoU, and lost tracks keep the Mahalanobis gate and recovery pass.
   * 0 turns buffering off.
   */
  iouBufferPerSecond: number;
  /** Largest buffer, as a fraction of the box size per side. */
  maxIouBuffer: number;
  /**
   * Appearance weighs more as motion grows uncertain: the motion weight is
   * λ · τ / (τ + seconds since the last detection), with τ this value.
   */
  motionTrustSeconds: number;
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
  frameRate: 30,
  nInit: 0.2,
  maxAge: 1,
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
  gapFill: 0.5,
  outputBox: 'filtered',
  outputMaxTimeSinceUpdate: 0,
  iouBufferPerSecond: 2,
  maxIouBuffer: 0.5,
  motionTrustSeconds: 0.5,
  kalman: DEFAULT_KALMAN_PARAMS,
});

/** Frame-rate bounds (frames per second): from one frame a minute to high-speed capture. */
const MIN_FRAME_RATE = 1 / 60;
const MAX_FRAME_RATE = 10_000;
/** Longest duration a setting may take: a day. */
const MAX_SECONDS = 86_400;

function checkNumber(key: string, value: unknown, min: number, max: number, integer = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  if (!ok || (integer && !Number.isInteger(value))) {
    throw new TrackerConfigError(key, value, `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`);
  }
  return value as number;
}

function checkBoolean(key: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TrackerConfigError(key, value, 'true or false');
  return value;
}

function validateKalman(input: Partial<KalmanParams> = {}): KalmanParams {
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
  const c = { ...DEFAULT_TRACKER_CONFIG, ...input };
  const config: TrackerConfig = {
    frameRate: checkNumber('frameRate', c.frameRate, MIN_FRAME_RATE, MAX_FRAME_RATE),
    nInit: checkNumber('nInit', c.nInit, 0, MAX_SECONDS),
    maxAge: checkNumber('maxAge', c.maxAge, 0, MAX_SECONDS),
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
    gapFill: checkNumber('gapFill', c.gapFill, 0, MAX_SECONDS),
    outputBox: c.outputBox,
    outputMaxTimeSinceUpdate: checkNumber('outputMaxTimeSinceUpdate', c.outputMaxTimeSinceUpdate, 0, MAX_SECONDS),
    iouBufferPerSecond: checkNumber('iouBufferPerSecond', c.iouBufferPerSecond, 0, 100),
    maxIouBuffer: checkNumber('maxIouBuffer', c.maxIouBuffer, 0, 10),
    motionTrustSeconds: checkNumber('motionTrustSeconds', c.motionTrustSeconds, Number.MIN_VALUE, MAX_SECONDS),
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

/**
 * The config for a stream whose tracker clock runs at `frameRate`: every
 * duration stays in seconds, so only the clock changes.
 */
export function configForFrameRate(input: TrackerConfigInput, frameRate: number): TrackerConfig {
  return validateTrackerConfig({ ...input, frameRate });
}

/** Frames of the tracker clock in `seconds` (fractions kept). */
export function framesIn(seconds: number, config: Pick<TrackerConfig, 'frameRate'>): number {
  return seconds * config.frameRate;
}
