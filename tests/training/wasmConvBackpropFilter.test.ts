import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/node/backend.ts';
import { im2colTransposed, registerWasmConvBackpropFilter } from '../../src/core/training/wasmConvBackpropFilter.ts';

type Case = {
  name: string;
  x: [number, number, number, number];
  filter: [number, number, number, number];
  stride: number;
  pad: 'same' | 'valid';
};

/** Shapes LeNet and the zoo use (same and valid, one and several channels), plus strides that leave remainders. */
const CASES: Case[] = [
  { name: 'LeNet conv1: 5x5, same, 1 channel', x: [4, 28, 28, 1], filter: [5, 5, 1, 6], stride: 1, pad: 'same' },
  { name: 'LeNet conv2: 5x5, valid, 6 channels', x: [4, 14, 14, 6], filter: [5, 5, 6, 16], stride: 1, pad: 'valid' },
  { name: '3x3, stride 2, same, odd size', x: [3, 9, 8, 2], filter: [3, 3, 2, 4], stride: 2, pad: 'same' },
  { name: '3x3, stride 2, valid', x: [3, 9, 8, 2], filter: [3, 3, 2, 4], stride: 2, pad: 'valid' },
  { name: '1x1 (Inception reduce)', x: [2, 7, 7, 8], filter: [1, 1, 8, 3], stride: 1, pad: 'same' },
];

/** dL/dW of L = sum(conv2d(x, w)²) on the active backend, for fixed seeded x and w. */
function filterGradient(c: Case): Float32Array {
  return tf.tidy(() => {
    const x = tf.randomNormal(c.x, 0, 1, 'float32', 7) as tf.Tensor4D;
    const w = tf.randomNormal(c.filter, 0, 1, 'float32', 8);
    const loss = (v: tf.Tensor) =>
      tf
        .conv2d(x, v as tf.Tensor4D, c.stride, c.pad)
        .square()
        .sum();
    return tf.grad(loss)(w).dataSync() as Float32Array;
  });
}

describe('Conv2DBackpropFilter on WASM (im2col + BatchMatMul)', () => {
  const reference = new Map<string, Float32Array>();

  beforeAll(async () => {
    await useNodeBackend('cpu');
    for (const c of CASES) reference.set(c.name, filterGradient(c));
    registerWasmConvBackpropFilter();
    await useNodeBackend('wasm');
  });
  afterAll(() => tf.setBackend('cpu'));

  it.each(CASES)('$name: equals the CPU backend within float32 rounding', (c) => {
    const want = reference.get(c.name)!;
    const got = filterGradient(c);
    expect(got.length).toBe(want.length);
    const scale = Math.max(...want.map(Math.abs));
    const worst = Math.max(...got.map((v, i) => Math.abs(v - want[i])));
    expect(scale).toBeGreaterThan(1);
    expect(worst / scale).toBeLessThan(1e-5);
  });

  it('leaves no tensors and no backend memory behind', () => {
    const c = CASES[1];
    filterGradient(c);
    // The im2col buffer lives on the backend only (no tensor): its data ids show a leak numTensors would not.
    const before = { ...tf.memory(), dataIds: tf.engine().backend.numDataIds() };
    for (let k = 0; k < 5; k++) filterGradient(c);
    const after = { ...tf.memory(), dataIds: tf.engine().backend.numDataIds() };
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    expect(after.dataIds).toBe(before.dataIds);
  });
});

describe('im2colTransposed', () => {
  it('writes each output position’s patch as one column, zero over the padding (exact)', () => {
    // x: 1 image, 3x3, 1 channel, values 1..9; 2x2 filter, stride 1, same padding (TF pads bottom/right).
    const x = Float32Array.from({ length: 9 }, (_, i) => i + 1);
    const info = tf.backend_util.computeConv2DInfo([1, 3, 3, 1], [2, 2, 1, 1], 1, 1, 'same');
    expect([info.outHeight, info.outWidth, info.padInfo.top, info.padInfo.left]).toEqual([3, 3, 0, 0]);
    const cols = new Float32Array(4 * 9).fill(NaN);
    im2colTransposed(x, cols, info);
    const rows = Array.from({ length: 4 }, (_, k) => Array.from(cols.subarray(k * 9, k * 9 + 9)));
    // Row k = (kh, kw): x[oh + kh][ow + kw] for each output (oh, ow), 0 past the right/bottom edge.
    expect(rows).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      [2, 3, 0, 5, 6, 0, 8, 9, 0],
      [4, 5, 6, 7, 8, 9, 0, 0, 0],
      [5, 6, 0, 8, 9, 0, 0, 0, 0],
    ]);
  });

  it('follows the stride and the channel order (exact)', () => {
    // 1 image, 2x4, 2 channels: value = 10·channel + pixel index; 1x2 filter, stride 2, valid.
    const x = Float32Array.from({ length: 16 }, (_, i) => 10 * (i % 2) + Math.floor(i / 2));
    const info = tf.backend_util.computeConv2DInfo([1, 2, 4, 2], [1, 2, 2, 1], 2, 1, 'valid');
    expect([info.outHeight, info.outWidth]).toEqual([1, 2]);
    const cols = new Float32Array(4 * 2);
    im2colTransposed(x, cols, info);
    // k = kw·2 + ci; outputs at columns 0 and 2 of row 0.
    expect(Array.from(cols)).toEqual([0, 2, 10, 12, 1, 3, 11, 13]);
  });
});
