/**
 * `npm run bench:train -- --conv-grad`: the conv filter gradient
 * (Conv2DBackpropFilter) that every conv layer's training step needs, at
 * LeNet-5's two conv layers (batch 32): the WASM kernel this app registers
 * (`src/core/training/wasmConvBackpropFilter.ts`, im2col + BatchMatMul)
 * against the direct loop over B·OH·OW·KH·KW·CI·CO multiply-adds in
 * TypeScript (what the app ran before; tf.js's own CPU kernel is ~100× slower
 * still), timed in the same run (median of 20 after 3 warm-up calls), with
 * the ratio.
 */
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/node/backend.ts';
import { registerWasmConvBackpropFilter } from '../src/core/training/wasmConvBackpropFilter.ts';
import { medianMs } from './lib/medianMs.ts';

const SHAPES = [
  { name: 'conv1 5x5x1x6, same, 28x28', x: [32, 28, 28, 1], dy: [32, 28, 28, 6], filter: [5, 5, 1, 6], pad: 'same' },
  { name: 'conv2 5x5x6x16, valid, 14x14', x: [32, 14, 14, 6], dy: [32, 10, 10, 16], filter: [5, 5, 6, 16], pad: 'valid' },
] as const;
const WARM_UP = 3;
const RUNS = 20;

type Shape = (typeof SHAPES)[number];

/** The baseline: dW[kh, kw, ci, co] = Σ x · dy over batch and output positions, one multiply-add at a time. */
function directLoop(x: Float32Array, dy: Float32Array, shape: Shape): Float32Array {
  const info = tf.backend_util.computeConv2DInfo([...shape.x], [...shape.filter], 1, 1, shape.pad);
  const [KH, KW, CI, CO] = shape.filter;
  const dw = new Float32Array(KH * KW * CI * CO);
  for (let b = 0; b < info.batchSize; b++)
    for (let oh = 0; oh < info.outHeight; oh++)
      for (let ow = 0; ow < info.outWidth; ow++) {
        const dyOff = ((b * info.outHeight + oh) * info.outWidth + ow) * CO;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh - info.padInfo.top + kh;
          if (ih < 0 || ih >= info.inHeight) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow - info.padInfo.left + kw;
            if (iw < 0 || iw >= info.inWidth) continue;
            const xOff = ((b * info.inHeight + ih) * info.inWidth + iw) * CI;
            for (let ci = 0; ci < CI; ci++)
              for (let co = 0; co < CO; co++) dw[((kh * KW + kw) * CI + ci) * CO + co] += x[xOff + ci] * dy[dyOff + co];
          }
        }
      }
  return dw;
}

export async function runConvGradBench(): Promise<void> {
  registerWasmConvBackpropFilter();
  await useNodeBackend('wasm');
  console.log('Conv2DBackpropFilter, batch 32 (median ms of 20), same run: wasm kernel (im2col + BatchMatMul) vs the direct loop');
  for (const shape of SHAPES) {
    const x = tf.randomNormal([...shape.x], 0, 1, 'float32', 1);
    const dy = tf.randomNormal([...shape.dy], 0, 1, 'float32', 2);
    try {
      const attrs = { strides: 1, pad: shape.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: [...shape.filter] };
      const kernel = () =>
        tf.tidy(() => (tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as never) as tf.Tensor).dataSync());
      const [xv, dyv] = [x.dataSync() as Float32Array, dy.dataSync() as Float32Array];
      const got = kernel();
      const want = directLoop(xv, dyv, shape);
      const worst = Math.max(...want.map((v, i) => Math.abs(v - got[i]))) / Math.max(...want.map(Math.abs));
      const wasm = medianMs(kernel, RUNS, WARM_UP);
      const direct = medianMs(() => directLoop(xv, dyv, shape), RUNS, WARM_UP);
      console.log(
        `  ${shape.name.padEnd(30)} wasm ${wasm.toFixed(2)} ms  direct loop ${direct.toFixed(2)} ms  (${(wasm / direct).toFixed(2)}×; largest difference ${worst.toExponential(1)} of the largest value)`,
      );
    } finally {
      tf.dispose([x, dy]);
    }
  }
}
