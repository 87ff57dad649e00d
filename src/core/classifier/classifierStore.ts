/**
 * Save / load / delete of custom heads with their metadata (class names,
 * embedding method and length, target COCO class). Metadata travel in the
 * artifacts' `userDefinedMetadata` and are checked BEFORE the weights are
 * built, so a head for other embeddings fails with a clear message.
 * Browser: `indexeddb://trackscope-classifier-<name>`; tests: memory handlers.
 */
import * as tf from '@tensorflow/tfjs';
import { ModelValidationError } from '../training/ModelValidationError.ts';
import { loadValidatedModel } from '../training/modelIO.ts';
import { deleteSavedModel, listSavedModels, savedModelUrl, type SavedModelInfo } from '../training/savedModels.ts';

export const CLASSIFIER_PREFIX = 'trackscope-classifier-';
const META_KEY = 'trackscopeClassifier';
const META_VERSION = 1;

export interface ClassifierMeta {
  readonly classNames: readonly string[];
  /** e.g. 'fusion' (see EMBEDDING_METHODS). */
  readonly embeddingMethod: string;
  readonly embeddingDim: number;
  /** COCO label of the tracks the head relabels, e.g. 'person'. */
  readonly targetClass: string;
}

/** What the caller can feed the head: loading fails unless the file matches. */
export interface ClassifierExpectation {
  readonly embeddingDim: number;
  readonly embeddingMethod?: string;
}

export const classifierUrl = (name: string): string => savedModelUrl(CLASSIFIER_PREFIX, name);

export function listClassifiers(): Promise<SavedModelInfo[]> {
  return listSavedModels(CLASSIFIER_PREFIX);
}

export function deleteClassifier(name: string): Promise<void> {
  return deleteSavedModel(classifierUrl(name));
}

export async function saveClassifier(
  model: tf.LayersModel,
  meta: ClassifierMeta,
  target: string | tf.io.IOHandler,
): Promise<tf.io.SaveResult> {
  const units = model.outputs[0].shape[1];
  if (units !== meta.classNames.length)
    throw new ModelValidationError('class names do not match the model', `${units} names`, String(meta.classNames.length));
  model.setUserDefinedMetadata({ [META_KEY]: { version: META_VERSION, ...meta, classNames: [...meta.classNames] } });
  return model.save(target);
}

/** Throws ModelValidationError naming what is wrong with stored metadata. */
export function parseClassifierMeta(raw: unknown): ClassifierMeta {
  const m = (raw as Record<string, unknown> | undefined)?.[META_KEY] as Record<string, unknown> | undefined;
  if (!m || typeof m !== 'object')
    throw new ModelValidationError(
      'not a TrackScope classifier (no classifier metadata)',
      'userDefinedMetadata.trackscopeClassifier',
      'none',
    );
  if (m.version !== META_VERSION)
    throw new ModelValidationError('unsupported classifier metadata version', String(META_VERSION), String(m.version));
  const names = m.classNames;
  if (!Array.isArray(names) || names.length < 2 || names.some((n) => typeof n !== 'string' || n === '')) {
    throw new ModelValidationError('classifier metadata has bad class names', 'at least 2 non-empty names', JSON.stringify(names));
  }
  if (!Number.isInteger(m.embeddingDim) || (m.embeddingDim as number) < 1)
    throw new ModelValidationError('classifier metadata has a bad embedding length', 'a positive integer', String(m.embeddingDim));
  if (typeof m.embeddingMethod !== 'string' || typeof m.targetClass !== 'string') {
    throw new ModelValidationError(
      'classifier metadata lacks the embedding method or target class',
      'strings',
      `${typeof m.embeddingMethod} / ${typeof m.targetClass}`,
    );
  }
  return {
    classNames: names as string[],
    embeddingMethod: m.embeddingMethod,
    embeddingDim: m.embeddingDim as number,
    targetClass: m.targetClass,
  };
}

async function readArtifacts(source: string | tf.io.IOHandler): Promise<tf.io.ModelArtifacts> {
  const handler = typeof source === 'string' ? tf.io.getLoadHandlers(source)[0] : source;
  if (!handler?.load)
    throw new ModelValidationError('no loader for this classifier source', 'indexeddb://… or an IOHandler with load()', String(source));
  try {
    return await handler.load();
  } catch (e) {
    throw new ModelValidationError('classifier files could not be read', 'a saved classifier', (e as Error).message);
  }
}

/**
 * A truncated weights file makes tf.loadLayersModel throw half-way and leak
 * the tensors it already built, so the byte count is checked first.
 */
function checkWeightBytes(a: tf.io.ModelArtifacts): void {
  const expected = (a.weightSpecs ?? []).reduce((n, s) => n + s.shape.reduce((p, d) => p * d, 1) * 4, 0);
  const data = a.weightData;
  const actual = data === undefined ? 0 : Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
  if (actual !== expected)
    throw new ModelValidationError('classifier weights are truncated or corrupt', `${expected} bytes`, `${actual} bytes`);
}

/** Loads, checks metadata against `expected`, then the topology. Caller disposes the model. */
export async function loadClassifier(
  source: string | tf.io.IOHandler,
  expected: ClassifierExpectation,
): Promise<{ model: tf.LayersModel; meta: ClassifierMeta }> {
  const artifacts = await readArtifacts(source);
  const meta = parseClassifierMeta(artifacts.userDefinedMetadata);
  if (meta.embeddingDim !== expected.embeddingDim) {
    throw new ModelValidationError(
      'classifier was trained on embeddings of another length',
      String(expected.embeddingDim),
      String(meta.embeddingDim),
    );
  }
  if (expected.embeddingMethod && meta.embeddingMethod !== expected.embeddingMethod) {
    throw new ModelValidationError('classifier was trained on another embedding method', expected.embeddingMethod, meta.embeddingMethod);
  }
  checkWeightBytes(artifacts);
  const model = await loadValidatedModel(tf.io.fromMemory(artifacts), {
    inputShape: [meta.embeddingDim],
    outputUnits: meta.classNames.length,
  });
  return { model, meta };
}
