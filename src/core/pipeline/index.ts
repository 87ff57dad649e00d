export { TrackingPipeline } from './trackingPipeline.ts';
export type { AppearanceStage, FrameResult, PipelineTimings } from './trackingPipeline.ts';
export { CadenceController, MAX_CADENCE, autoCadence, validateCadence } from './cadence.ts';
export type { CadenceSetting } from './cadence.ts';
export { DEFAULT_TRACKED_CLASSES, TRACKER_PRESETS } from './presets.ts';
export { MotCollector } from './motCollector.ts';
export { streamSettings } from './streamSettings.ts';
export type { StreamSettings } from './streamSettings.ts';
