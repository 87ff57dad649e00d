export { loadModel, readManifest, toModelSource } from './registry';
export type { LoadedModel, LoadModelOptions } from './registry';
export { findModel, parseManifest, MODEL_TASKS } from './manifest';
export type { ManifestFile, ManifestModel, ManifestModelInput, ModelsManifest, ModelTask } from './manifest';
export { httpModelSource } from './source';
export type { FetchLike, ModelSource } from './source';
export { canHashSha256, INTEGRITY_CHECKS } from './integrity';
export type { IntegrityCheck } from './integrity';
export { ModelIntegrityError } from './ModelIntegrityError';
