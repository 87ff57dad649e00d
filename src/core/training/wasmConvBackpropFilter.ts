/**
 * tfjs-backend-wasm 4.22 ships no `Conv2DBackpropFilter` kernel, so training any
 * conv layer on WASM throws "Kernel 'Conv2DBackpropFilter' not registered".
 * This registers one (NHWC only) as im2col + the backend's own `BatchMatMul`
 * (XNNPACK, SIMD and threads): with N = B·OH·OW output positions and
 * K = KH·KW·CI patch values, dW (K × CO) = colsᵀ · dy, where cols (K × N)
 * holds each position's input patch, written from the WASM heap in
 * TypeScript (N·K copies; the N·K·CO multiply-adds run in WASM).
 */
import * as tf from '@tensorflow/tfjs';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  disposeData(dataId: tf.DataId): boolean;
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
  const [KH, KW, CI, CO] = attrs.filterShape;
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const patch = KH * KW * CI;
  const cols = backend.makeOutput([1, patch, positions], 'float32');
  try {
    // Views are taken after makeOutput: allocating can grow (and detach) the heap.
    im2colTransposed(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(cols), info);
    const matMul = tf.getKernel('BatchMatMul', 'wasm');
    if (!matMul) throw new Error('Conv2DBackpropFilter (wasm shim): the wasm backend has no BatchMatMul kernel');
    // dy [B, OH, OW, CO] read as [1, N, CO]: a view of the same data (BatchMatMul takes its own reference).
    const dy3: tf.TensorInfo = { dataId: dy.dataId, shape: [1, positions, CO], dtype: dy.dtype };
    const out = matMul.kernelFunc({
      inputs: { a: cols, b: dy3 },
      backend: backend as unknown as tf.KernelBackend,
      attrs: { transposeA: false, transposeB: false },
    }) as tf.TensorInfo;
    // [1, K, CO] with K = (kh·KW + kw)·CI + ci is the filter's [KH, KW, CI, CO] layout.
    return { dataId: out.dataId, shape: [KH, KW, CI, CO], dtype: out.dtype };
  } finally {
    backend.disposeData(cols.dataId);
  }
}

/**
 * cols[k][n] = x at output position n's patch entry k = (kh·KW + kw)·CI + ci,
 * 0 where the patch hangs over the padding. Row by row, so writes are
 * sequential; each row's in-bounds output columns are found once per row of
 * the image rather than tested per value.
 */
export function im2colTransposed(x: Float32Array, cols: Float32Array, c: tf.backend_util.Conv2DInfo): void {
  const { filterHeight: KH, filterWidth: KW, inChannels: CI, outHeight: OH, outWidth: OW, inHeight: H, inWidth: W } = c;
  const { strideHeight: sh, strideWidth: sw } = c;
  const positions = c.batchSize * OH * OW;
  cols.fill(0);
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      const iw0 = kw - c.padInfo.left;
      // Output columns whose input column iw = ow·sw + iw0 lies in [0, W).
      const owFrom = Math.max(0, Math.ceil(-iw0 / sw));
      const owTo = Math.min(OW, Math.floor((W - 1 - iw0) / sw) + 1);
      for (let ci = 0; ci < CI; ci++) {
        const row = ((kh * KW + kw) * CI + ci) * positions;
        for (let b = 0; b < c.batchSize; b++) {
          for (let oh = 0; oh < OH; oh++) {
            const ih = oh * sh - c.padInfo.top + kh;
            if (ih < 0 || ih >= H) continue;
            const out = row + (b * OH + oh) * OW;
            let xi = ((b * H + ih) * W + owFrom * sw + iw0) * CI + ci;
            const step = sw * CI;
            for (let ow = owFrom; ow < owTo; ow++, xi += step) cols[out + ow] = x[xi];
          }
        }
      }
    }
  }
}
