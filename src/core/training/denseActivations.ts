/**
 * Every dense layer's output for one input, the numbers behind a
 * 3Blue1Brown-style "neurons lighting up" view: one multi-output probe model
 * that shares the trained layers (as featureMaps does).
 */
import * as tf from '@tensorflow/tfjs';

export interface UnitActivations {
  name: string;
  /** One value per unit (after the layer's activation function). */
  values: Float32Array;
}

const probes = new WeakMap<tf.LayersModel, tf.LayersModel | null>();

/** Cached per model and never disposed: it owns no weights, `model` does. Null when there are no dense layers. */
function probeModel(model: tf.LayersModel): tf.LayersModel | null {
  if (!probes.has(model)) {
    const dense = model.layers.filter((l) => l.getClassName() === 'Dense');
    probes.set(model, dense.length ? tf.model({ inputs: model.inputs, outputs: dense.map((l) => l.output as tf.SymbolicTensor) }) : null);
  }
  return probes.get(model) ?? null;
}

/** `input` is one example with a batch dimension of 1; it is not disposed. */
export async function denseActivations(model: tf.LayersModel, input: tf.Tensor): Promise<UnitActivations[]> {
  const probe = probeModel(model);
  if (!probe) return [];
  const outs = tf.tidy(() => {
    const r = probe.predict(input);
    return Array.isArray(r) ? r : [r];
  });
  try {
    const datas = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
    return outs.map((_, i) => ({ name: probe.outputs[i].sourceLayer.name, values: datas[i] }));
  } finally {
    tf.dispose(outs);
  }
}

/** True when the model has layers featureMaps can show. */
export function hasConvLayers(model: tf.LayersModel): boolean {
  return model.layers.some((l) => ['Conv2D', 'MaxPooling2D', 'AveragePooling2D'].includes(l.getClassName()));
}
