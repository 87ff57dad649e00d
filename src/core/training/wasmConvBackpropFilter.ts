/**
 * tfjs-backend-wasm 4.22 ships no `Conv2DBackpropFilter` kernel, so training any
 * conv layer on WASM throws "Kernel 'Conv2DBackpropFilter' not registered".
 * This registers a plain-TypeScript kernel (NHWC only) that reads x and dy
 * straight from the WASM heap. Cost is B·OH·OW·KH·KW·CI·CO multiply-adds,
 * about 25 M for a LeNet-5 batch of 64 — milliseconds, so not worth SIMD.
 */
import * as tf from '@tensorflow/tfjs';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

let registered = false;

/** Idempotent; safe to call before or after the wasm backend is initialised. */
export function registerWasmConvBackpropFilter(): void {
  if (registered || tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    registered = true;
    return;
  }
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      return conv2dBackpropFilter(x, dy, attrs as unknown as Attrs, backend as unknown as WasmBackendLike);
    },
  });
  registered = true;
}

function conv2dBackpropFilter(x: tf.TensorInfo, dy: tf.TensorInfo, attrs: Attrs, backend: WasmBackendLike): tf.TensorInfo {
  if (attrs.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (wasm shim): dataFormat NCHW is not supported; use NHWC');
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const out = backend.makeOutput([...attrs.filterShape], 'float32');
  // Views are taken after makeOutput: allocating can grow (and detach) the heap.
  const xv = backend.typedArrayFromHeap(x);
  const dyv = backend.typedArrayFromHeap(dy);
  const dw = backend.typedArrayFromHeap(out);
  accumulate(xv, dyv, dw, info);
  return out;
}

function accumulate(x: Float32Array, dy: Float32Array, dw: Float32Array, c: tf.backend_util.Conv2DInfo): void {
  const [KH, KW, CI, CO] = [c.filterHeight, c.filterWidth, c.inChannels, c.outChannels];
  const acc = new Float64Array(KH * KW * CI * CO);
  for (let b = 0; b < c.batchSize; b++) {
    for (let oh = 0; oh < c.outHeight; oh++) {
      for (let ow = 0; ow < c.outWidth; ow++) {
        const dyOff = ((b * c.outHeight + oh) * c.outWidth + ow) * CO;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * c.strideHeight - c.padInfo.top + kh;
          if (ih < 0 || ih >= c.inHeight) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * c.strideWidth - c.padInfo.left + kw;
            if (iw < 0 || iw >= c.inWidth) continue;
            const xOff = ((b * c.inHeight + ih) * c.inWidth + iw) * CI;
            const wBase = (kh * KW + kw) * CI;
            for (let ci = 0; ci < CI; ci++) {
              const xval = x[xOff + ci];
              if (xval === 0) continue; // ReLU outputs and MNIST background are mostly 0
              const wOff = (wBase + ci) * CO;
              for (let co = 0; co < CO; co++) acc[wOff + co] += xval * dy[dyOff + co];
            }
          }
        }
      }
    }
  }
  dw.set(acc);
}
