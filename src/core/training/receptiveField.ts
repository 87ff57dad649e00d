/**
 * Receptive-field arithmetic for a chain of conv/pool layers, one spatial
 * axis at a time (square kernels and strides, so rows and columns agree).
 * The recurrence is the standard one (Araujo, Norris & Sim, "Computing
 * Receptive Fields of Convolutional Neural Networks", Distill 2019):
 *   size_out  = size_in + (k − 1) · jump_in
 *   jump_out  = jump_in · s
 *   start_out = start_in + ((k − 1) / 2 − padBefore) · jump_in
 * where `start` is the input coordinate of output pixel 0's centre and
 * padBefore is what tf.js 'same' padding adds before the first pixel:
 * floor(max((out − 1) · s + k − in, 0) / 2). Pooling layers pad 'valid'.
 */
import type { Padding } from './layerSpecs.ts';

export interface FieldGeometry {
  /** Side of the receptive field in input pixels (before clipping at the border). */
  size: number;
  /** Input pixels between neighbouring output pixels. */
  jump: number;
  /** Input coordinate of the centre of output pixel 0 (may be fractional). */
  start: number;
}

/** The input itself: every pixel sees itself. */
export const INPUT_FIELD: Readonly<FieldGeometry> = { size: 1, jump: 1, start: 0 };

export interface WindowOp {
  kernel: number;
  stride: number;
  padding: Padding;
  /** Spatial size of the layer's input along the axis. */
  inSize: number;
}

export function outSize(op: WindowOp): number {
  return op.padding === 'same' ? Math.ceil(op.inSize / op.stride) : Math.floor((op.inSize - op.kernel) / op.stride) + 1;
}

export function padBefore(op: WindowOp): number {
  if (op.padding === 'valid') return 0;
  return Math.floor(Math.max((outSize(op) - 1) * op.stride + op.kernel - op.inSize, 0) / 2);
}

/** The geometry after one conv or pooling layer. */
export function foldField(prev: FieldGeometry, op: WindowOp): FieldGeometry {
  return {
    size: prev.size + (op.kernel - 1) * prev.jump,
    jump: prev.jump * op.stride,
    start: prev.start + ((op.kernel - 1) / 2 - padBefore(op)) * prev.jump,
  };
}

/** Inclusive input-pixel range [lo, hi] seen by output pixel `i`, clipped to [0, inputSize − 1]. */
export function fieldRange(g: FieldGeometry, i: number, inputSize: number): [number, number] {
  const centre = g.start + i * g.jump;
  const half = (g.size - 1) / 2;
  return [Math.max(0, Math.ceil(centre - half)), Math.min(inputSize - 1, Math.floor(centre + half))];
}

/** The input rectangle seen by feature-map pixel (row, col). */
export interface FieldRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function fieldRect(g: FieldGeometry, row: number, col: number, inputHeight: number, inputWidth: number): FieldRect {
  const [top, bottom] = fieldRange(g, row, inputHeight);
  const [left, right] = fieldRange(g, col, inputWidth);
  return { top, left, bottom, right };
}
