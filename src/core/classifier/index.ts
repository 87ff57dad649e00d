/** Public surface of the custom classifier core (transfer learning on frozen embeddings). */
export { DEFAULT_CLASSIFIER_CONFIG, validateClassifierConfig, ClassifierConfigError } from './config.ts';
export type { ClassifierConfig } from './config.ts';
export { checkSamples, classNamesOf, countByClass, SampleSetError } from './samples.ts';
export type { ClassSample } from './samples.ts';
export { buildHead, trainHead, TrainingAbortedError } from './trainHead.ts';
export type { HeadEpoch, TrainedHead, TrainHeadOptions } from './trainHead.ts';
export { argmax, classify } from './classify.ts';
export { DEFAULT_SMOOTHER_CONFIG, LabelSmoother, validateSmootherConfig } from './labelSmoother.ts';
export type { SmoothedLabel, SmootherConfig } from './labelSmoother.ts';
export {
  CLASSIFIER_PREFIX,
  classifierUrl,
  deleteClassifier,
  listClassifiers,
  loadClassifier,
  parseClassifierMeta,
  saveClassifier,
} from './classifierStore.ts';
export type { ClassifierExpectation, ClassifierMeta } from './classifierStore.ts';
export { bestIouIndex, matchTracksToDetections, MIN_MATCH_IOU } from './matchTracks.ts';
export { ClassifierSession, DEFAULT_TARGET_CLASS } from './classifierSession.ts';
export type { BoxEmbedder, ClassifierStatus, EmbeddedLike, LabelledTrack, SessionFrame } from './classifierSession.ts';
export type { CustomTrackLabel } from './types.ts';
