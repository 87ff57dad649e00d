/**
 * Feature maps of every conv and pooling layer for one input, via a
 * multi-output model that shares the trained layers (no weight copies).
 */
import * as tf from '@tensorflow/tfjs';
import { foldField, INPUT_FIELD, outSize, type FieldGeometry, type WindowOp } from './receptiveField.ts';

const MAP_LAYERS = ['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'MinPooling2D'];

export interface FeatureMap {
  name: string;
  className: string;
  /** [height, width, channels]. */
  shape: [number, number, number];
  /** HWC row-major values. */
  data: Float32Array;
  /** Where each pixel looks on the input, from the model's own layers. */
  field: FieldGeometry;
}

const first = (v: unknown): number => (Array.isArray(v) ? Number(v[0]) : Number(v));

/**
 * Receptive-field geometry of every conv/pooling layer of a chain model, read
 * from the layers' configs (so a loaded model is described as it is, not as
 * the editor says).
 */
export function modelFields(model: tf.LayersModel): Map<string, FieldGeometry> {
  const out = new Map<string, FieldGeometry>();
  let g: FieldGeometry = INPUT_FIELD;
  let inSize = model.inputs[0].shape[1] ?? 0;
  for (const l of model.layers) {
    if (!MAP_LAYERS.includes(l.getClassName())) continue;
    const c = l.getConfig();
    const kernel = first(c.kernelSize ?? c.poolSize);
    const op: WindowOp = { kernel, stride: first(c.strides ?? kernel), padding: c.padding === 'same' ? 'same' : 'valid', inSize };
    g = foldField(g, op);
    inSize = outSize(op);
    out.set(l.name, g);
  }
  return out;
}

const probes = new WeakMap<tf.LayersModel, tf.LayersModel>();

/**
 * The probe model is cached per model and never disposed: disposing it would
 * release the shared layers' weights owned by `model`.
 */
function probeModel(model: tf.LayersModel): tf.LayersModel {
  let probe = probes.get(model);
  if (!probe) {
    const layers = model.layers.filter((l) => MAP_LAYERS.includes(l.getClassName()));
    if (layers.length === 0) throw new Error('model has no Conv2D or pooling layers to show feature maps for');
    probe = tf.model({ inputs: model.inputs, outputs: layers.map((l) => l.output as tf.SymbolicTensor) });
    probes.set(model, probe);
  }
  return probe;
}

/** `input` is one image as [h, w, c] (or [1, h, w, c]). The input is not disposed. */
export async function featureMaps(model: tf.LayersModel, input: tf.Tensor): Promise<FeatureMap[]> {
  const probe = probeModel(model);
  const outs = tf.tidy(() => {
    const x = input.rank === 3 ? input.expandDims(0) : input;
    const r = probe.predict(x);
    return Array.isArray(r) ? r : [r];
  });
  try {
    const datas = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
    const names = probe.outputs.map((o) => o.sourceLayer);
    const fields = modelFields(model);
    return outs.map((t, i) => ({
      name: names[i].name,
      className: names[i].getClassName(),
      shape: t.shape.slice(1) as [number, number, number],
      data: datas[i],
      field: fields.get(names[i].name) ?? INPUT_FIELD,
    }));
  } finally {
    tf.dispose(outs);
  }
}
