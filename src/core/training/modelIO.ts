/**
 * Save/export/import of layers models with topology checks, so that loading
 * e.g. an MLP into the LeNet panel fails with a clear message.
 */
import * as tf from '@tensorflow/tfjs';
import { ModelValidationError } from './ModelValidationError.ts';

export interface ExpectedTopology {
  /** Input shape without the batch dimension, e.g. [28, 28, 1]. */
  inputShape: readonly number[];
  outputUnits: number;
}

const fmt = (s: readonly (number | null)[]): string => `[${s.map((v) => v ?? 'null').join(', ')}]`;

/** Throws ModelValidationError on a wrong input shape, output size or dtype. */
export function validateTopology(model: tf.LayersModel, expected: ExpectedTopology): void {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new ModelValidationError(
      'model must have exactly one input and one output',
      '1 input / 1 output',
      `${model.inputs.length} / ${model.outputs.length}`,
    );
  }
  const inShape = model.inputs[0].shape.slice(1);
  if (fmt(inShape) !== fmt(expected.inputShape))
    throw new ModelValidationError('model input shape does not match', fmt(expected.inputShape), fmt(inShape));
  const outShape = model.outputs[0].shape;
  const units = outShape[outShape.length - 1];
  if (units !== expected.outputUnits)
    throw new ModelValidationError('model output units do not match', String(expected.outputUnits), String(units));
  const inDtype = model.inputs[0].dtype;
  if (inDtype !== 'float32') throw new ModelValidationError('model input dtype is not supported', 'float32', inDtype);
  const bad = model.weights.find((w) => w.dtype !== 'float32');
  if (bad) throw new ModelValidationError(`weight ${bad.name} has an unsupported dtype`, 'float32', bad.dtype);
}

async function readArtifacts(source: string | tf.io.IOHandler): Promise<tf.io.ModelArtifacts> {
  const handler = typeof source === 'string' ? tf.io.getLoadHandlers(source)[0] : source;
  if (!handler?.load)
    throw new ModelValidationError(
      'no loader for this model source',
      'indexeddb://…, http(s) URL or an IOHandler with load()',
      String(source),
    );
  return handler.load();
}

/**
 * Weight dtypes are checked on the artifacts *before* building the model:
 * tf.loadLayersModel throws half-way on a dtype mismatch and leaks the
 * decoded weights and the half-built model.
 */
function checkWeightDtypes(a: tf.io.ModelArtifacts): void {
  const bad = (a.weightSpecs ?? []).find((s) => s.dtype !== 'float32');
  if (bad) throw new ModelValidationError(`weight ${bad.name} has an unsupported dtype`, 'float32', bad.dtype);
}

/** Loads and validates; the model is disposed if it does not fit. Caller owns the result. */
export async function loadValidatedModel(source: string | tf.io.IOHandler, expected: ExpectedTopology): Promise<tf.LayersModel> {
  let artifacts: tf.io.ModelArtifacts;
  try {
    artifacts = await readArtifacts(source);
  } catch (e) {
    if (e instanceof ModelValidationError) throw e;
    // Corrupt JSON, missing weight files, a weights file of the wrong size…
    throw new ModelValidationError('model files could not be read', 'a model.json and its weight files', (e as Error).message);
  }
  if (!artifacts.modelTopology) throw new ModelValidationError('model has no topology', 'a layers-model model.json', 'weights only');
  checkWeightDtypes(artifacts);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (e) {
    throw new ModelValidationError(
      'file is not a loadable tf.js layers model',
      'a layers-model model.json with weights',
      (e as Error).message,
    );
  }
  try {
    validateTopology(model, expected);
    return model;
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/** Saves through a URL ('indexeddb://…', 'downloads://…') or IOHandler. */
export function saveModel(model: tf.LayersModel, target: string | tf.io.IOHandler): Promise<tf.io.SaveResult> {
  return model.save(target);
}

/** In-memory save (tests, cloning, "export" before download): returns the artifacts. */
export async function saveToArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts) throw new Error('model.save produced no artifacts');
  return artifacts;
}
