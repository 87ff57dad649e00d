/** Public surface of the tracker core. */
export { Tracker } from './tracker.ts';
export {
  CHI2INV95,
  DEFAULT_KALMAN_PARAMS,
  DEFAULT_TRACKER_CONFIG,
  OUTPUT_BOXES,
  configForFrameRate,
  validateTrackerConfig,
} from './config.ts';
export type { KalmanParams, OutputBox, TrackerConfig, TrackerConfigInput } from './config.ts';
export { TrackerConfigError } from './TrackerConfigError.ts';
export { TRACK_STATES } from './types.ts';
export type { Detection, FrameBox, TrackOutput, TrackState, TrailPoint } from './types.ts';
export { gatingDistance, initiate, multiPredict, predict, project, update } from './kalmanFilter.ts';
export type { Gaussian, Projection } from './kalmanFilter.ts';
export { GATED_COST, shortestAugmentingPath, solveGated } from './assignmentSolver.ts';
export type { CostMatrix, DenseSolver } from './assignmentSolver.ts';
export { matchingCascade, minCostMatching } from './linearAssignment.ts';
export type { DistanceMetric, MatchResult } from './linearAssignment.ts';
export { predictBox } from './extrapolate.ts';
export { PASS_LABELS, PASS_NAMES, gateEllipse } from './explain.ts';
export type {
  GateEllipse,
  ExplainedDetection,
  ExplainedTrack,
  PassName,
  PassRecord,
  TrackerExplanation,
  TrackerObserver,
} from './explain.ts';
