/** Offline refinement after the online pass: tracklet linking and Gaussian-smoothed interpolation. */
export { DEFAULT_REFINE_CONFIG, validateRefineConfig } from './config.ts';
export type { RefineConfig } from './config.ts';
export { RefineConfigError } from './RefineConfigError.ts';
export { buildTracklets } from './tracklets.ts';
export type { Tracklet } from './tracklets.ts';
export { linkCost, linkTracklets } from './linkTracklets.ts';
export { gsiLengthScale, interpolateGaps, smoothTrack } from './gsi.ts';
export { refineTracks } from './refineTracks.ts';
export type { RefineOptions } from './refineTracks.ts';
export { SAME_OBSERVATION_IOU, TrackEmbeddingSums, trackEmbeddings } from './trackEmbeddings.ts';
