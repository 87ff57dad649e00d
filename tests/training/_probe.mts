import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../../src/node/backend.ts';
import { registerWasmConvBackpropFilter } from '../../src/core/training/wasmConvBackpropFilter.ts';
registerWasmConvBackpropFilter();
const grads: Record<string, number[]> = {};
for (const b of ['wasm', 'cpu'] as const) {
  await useNodeBackend(b);
  for (const [stride, pad] of [
    [1, 'same'],
    [2, 'valid'],
    [2, 'same'],
  ] as const) {
    const g = tf.tidy(() => {
      const x = tf.randomNormal([3, 9, 8, 2], 0, 1, 'float32', 7);
      const w = tf.randomNormal([3, 3, 2, 4], 0, 1, 'float32', 8);
      const f = (w: tf.Tensor) =>
        tf
          .conv2d(x, w as tf.Tensor4D, stride, pad)
          .square()
          .sum();
      return Array.from(tf.grad(f)(w).dataSync());
    });
    const k = `${stride}${pad}`;
    if (grads[k]) console.log(k, 'maxdiff', Math.max(...g.map((v, i) => Math.abs(v - grads[k][i]))));
    else grads[k] = g;
  }
  const m = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 120, activation: 'relu' }),
      tf.layers.dense({ units: 84, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  m.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const x = tf.randomNormal([64, 28, 28, 1]);
  const y = tf.oneHot(tf.randomUniform([64], 0, 10, 'int32'), 10);
  try {
    await m.trainOnBatch(x, y);
    const t = performance.now();
    for (let i = 0; i < (b === 'cpu' ? 2 : 10); i++) await m.trainOnBatch(x, y);
    console.log(b, 'ms/batch64', (performance.now() - t) / (b === 'cpu' ? 2 : 10));
  } catch (e) {
    console.log(b, 'ERR', String(e).slice(0, 200));
  }
}
