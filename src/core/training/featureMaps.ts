/**
 * Feature maps of every conv and pooling layer for one input, via a
 * multi-output model that shares the trained layers (no weight copies).
 */
import * as tf from '@tensorflow/tfjs';

const MAP_LAYERS = ['Conv2D', 'MaxPooling2D', 'AveragePooling2D'];

export interface FeatureMap {
  name: string;
  className: string;
  /** [height, width, channels]. */
  shape: [number, number, number];
  /** HWC row-major values. */
  data: Float32Array;
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
    return outs.map((t, i) => ({
      name: names[i].name,
      className: names[i].getClassName(),
      shape: t.shape.slice(1) as [number, number, number],
      data: datas[i],
    }));
  } finally {
    tf.dispose(outs);
  }
}
