/**
 * Loads a graph model listed in `models/manifest.json` by name, after checking
 * every file's size (and sha256 where SubtleCrypto exists) against the
 * manifest, so a stale or truncated download fails with a message naming the
 * file instead of a shape error deep inside tfjs.
 *
 * The bytes that were verified are the bytes that get loaded (no second fetch
 * by tf.io.http): the graph is built with `tf.io.fromMemory`.
 */
import * as tf from '@tensorflow/tfjs';
import { ModelIntegrityError } from './ModelIntegrityError';
import { canHashSha256, readVerified, type IntegrityCheck } from './integrity';
import { findModel, parseManifest, type ManifestModel, type ModelsManifest } from './manifest';
import { httpModelSource, type ModelSource } from './source';

export interface LoadModelOptions {
  /** Manifest to use; read from `<source>/manifest.json` when omitted. */
  readonly manifest?: ModelsManifest;
  /** Default: 'sha256' when SubtleCrypto is available, else 'size'. */
  readonly integrity?: IntegrityCheck;
}

export interface LoadedModel {
  /** Caller disposes it (`model.dispose()`). */
  readonly model: tf.GraphModel;
  readonly entry: ManifestModel;
}

const MANIFEST_FILE = 'manifest.json';

/** A string source is a served base URL (browser); otherwise a ModelSource. */
export function toModelSource(source: string | ModelSource): ModelSource {
  return typeof source === 'string' ? httpModelSource(source) : source;
}

export async function readManifest(source: string | ModelSource): Promise<ModelsManifest> {
  const src = toModelSource(source);
  const bytes = await src.read(MANIFEST_FILE);
  if (bytes === null) throw new ModelIntegrityError(src.describe(MANIFEST_FILE), 'is missing', src.fix);
  return parseManifest(JSON.parse(new TextDecoder().decode(bytes)), src.describe(MANIFEST_FILE));
}

export async function loadModel(
  name: string,
  source: string | ModelSource,
  options: LoadModelOptions = {},
): Promise<LoadedModel> {
  const src = toModelSource(source);
  const manifest = options.manifest ?? (await readManifest(src));
  const entry = findModel(manifest, name);
  const check = options.integrity ?? (canHashSha256() ? 'sha256' : 'size');
  const contents = new Map<string, Uint8Array>();
  await Promise.all(
    entry.files.map(async (file) => contents.set(file.name, await readVerified(src, file, check))),
  );
  const modelJson = JSON.parse(new TextDecoder().decode(contents.get(entry.modelFile))) as tf.io.ModelJSON;
  const artifacts = await tf.io.getModelArtifactsForJSON(modelJson, async (weightsManifest) => {
    const shards = weightsManifest.flatMap((group) => group.paths);
    const buffers = shards.map((shard) => {
      const bytes = contents.get(shard);
      if (bytes === undefined) {
        const where = src.describe(entry.modelFile);
        throw new ModelIntegrityError(where, `needs shard ${shard}, which the manifest does not list`, src.fix);
      }
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    });
    return [weightsManifest.flatMap((group) => group.weights), tf.io.concatenateArrayBuffers(buffers)];
  });
  const model = await tf.loadGraphModel(tf.io.fromMemory(artifacts));
  return { model, entry };
}

/**
 * Loads `name` through the registry, builds its adapter with `create` and
 * warms it up once. On failure the adapter (or, if `create` threw, the bare
 * model) is disposed before the error is rethrown.
 */
export async function loadWarmedModel<T extends { warmUp(): Promise<void>; dispose(): void }>(
  name: string,
  source: string | ModelSource,
  options: LoadModelOptions,
  create: (model: tf.GraphModel, entry: ManifestModel) => T,
): Promise<T> {
  const { model, entry } = await loadModel(name, source, options);
  let adapter: T | null = null;
  try {
    adapter = create(model, entry);
    await adapter.warmUp();
    return adapter;
  } catch (error) {
    if (adapter) adapter.dispose();
    else model.dispose();
    throw error;
  }
}
