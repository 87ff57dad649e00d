/** Public surface of appearance embeddings. */
export { DEFAULT_EMBEDDING_CONFIG, EMBEDDING_METHODS, EmbeddingConfigError, validateEmbeddingConfig } from './config.ts';
export type { EmbeddingConfig, EmbeddingMethod } from './config.ts';
export { JointCenterNet, loadJointCenterNet } from './jointCenterNet.ts';
export type { DetectionsWithFeatures, EmbeddedDetection, JointCenterNetOptions, JointTimings } from './jointCenterNet.ts';
export { embedRois, embeddingDim } from './embedRois.ts';
export { sourceBoxesToRois } from './rois.ts';
