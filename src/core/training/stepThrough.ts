/**
 * Forward/backward trace of one sample through a dense MLP, as plain arrays:
 * per layer z = a·W + b, a = f(z), and ∂L/∂z, ∂L/∂a, ∂L/∂W, ∂L/∂b.
 * ∂L/∂z and ∂L/∂a come from tf.grads via zero "probe" tensors added to z and a
 * (the gradient w.r.t. an additive zero is the gradient w.r.t. that node).
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerActivation } from './layerSpecs.ts';
import { validateMlpConfig, type MlpConfig } from './mlpConfig.ts';
import { mlpLayerSpecs, mlpTensors } from './mlpModel.ts';
import { makeLossFn } from './tfLosses.ts';

export interface LayerTrace {
  name: string;
  activation: LayerActivation;
  preActivation: number[];
  output: number[];
  gradPreActivation: number[];
  gradOutput: number[];
  /** [inputs][units], same layout as the kernel. */
  gradKernel: number[][];
  gradBias: number[];
}

export interface StepTrace {
  input: number[];
  loss: number;
  layers: LayerTrace[];
}

function applyActivation(name: LayerActivation, z: tf.Tensor): tf.Tensor {
  if (name === 'linear') return z;
  return name === 'softmax' ? tf.softmax(z) : tf[name](z);
}

/** `y` is a class index for classifiers or the target value(s) for regression. */
export async function stepThrough(
  model: tf.LayersModel,
  config: Partial<MlpConfig>,
  x: number[],
  y: number | number[],
): Promise<StepTrace> {
  const c = validateMlpConfig(config);
  const specs = mlpLayerSpecs(c);
  const params = model.layers.flatMap((l) => l.getWeights()); // kernel, bias per dense layer
  if (params.length !== specs.length * 2)
    throw new Error(`model has ${params.length} weight tensors; expected ${specs.length * 2} for this MLP config`);
  const lossFn = makeLossFn(c.loss, c.huberDelta);
  const { x: xs, y: ys } = mlpTensors(c, [x], [y]);
  const probes = specs.flatMap((s) => [tf.zeros([1, s.units]), tf.zeros([1, s.units])]); // z-probe, a-probe
  const forward = (args: tf.Tensor[], record?: tf.Tensor[]): tf.Scalar => {
    let a: tf.Tensor = xs;
    specs.forEach((s, i) => {
      const z = tf.add(tf.add(tf.matMul(a, args[2 * i] as tf.Tensor2D), args[2 * i + 1]), args[params.length + 2 * i]);
      a = tf.add(applyActivation(s.activation, z), args[params.length + 2 * i + 1]);
      record?.push(z, a);
    });
    return lossFn(ys, a);
  };
  const all = [...params, ...probes];
  const tensors = tf.tidy(() => {
    const record: tf.Tensor[] = [];
    const loss = forward(all, record);
    const grads = tf.grads((...args: tf.Tensor[]) => forward(args))(all);
    return [loss, ...record, ...grads];
  });
  try {
    const arrays = (await Promise.all(tensors.map((t) => t.array()))) as unknown[];
    const L = specs.length;
    const rec = arrays.slice(1, 1 + 2 * L) as number[][][];
    const g = arrays.slice(1 + 2 * L) as unknown[];
    const layers = specs.map((s, i): LayerTrace => ({
      name: s.name,
      activation: s.activation,
      preActivation: rec[2 * i][0],
      output: rec[2 * i + 1][0],
      gradKernel: g[2 * i] as number[][],
      gradBias: g[2 * i + 1] as number[],
      gradPreActivation: (g[2 * L + 2 * i] as number[][])[0],
      gradOutput: (g[2 * L + 2 * i + 1] as number[][])[0],
    }));
    return { input: [...x], loss: arrays[0] as number, layers };
  } finally {
    tf.dispose([...tensors, ...probes, xs, ys]);
  }
}
