/**
 * Per-layer receptive field, FLOPs and activation memory for a sequential
 * spec, for the LeNet layer table. Conventions (stated in the table too):
 * - FLOPs per image, one multiply-add = 2 FLOPs: conv 2·k²·cin·cout·hout·wout,
 *   dense 2·in·units; the bias add, the activation and pooling's k² compares
 *   per output count 1 each.
 * - Activation memory: the layer's float32 output for one image (4 bytes a value).
 * - Receptive field: side in input pixels (see receptiveField.ts); layers after
 *   flatten see the whole input.
 */
import { computeLayerShapes } from './layerShapes.ts';
import type { InputShape, LayerSpec } from './layerSpecs.ts';
import { foldField, INPUT_FIELD, type FieldGeometry } from './receptiveField.ts';

export const FLOAT32_BYTES = 4;

export interface LayerCost {
  name: string;
  /** Receptive-field geometry; null after flatten (the whole input). */
  field: FieldGeometry | null;
  flops: number;
  activationBytes: number;
}

const product = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

function flopsOf(spec: LayerSpec, inShape: readonly number[], outShape: readonly number[]): number {
  const outs = product(outShape);
  switch (spec.kind) {
    case 'conv2d':
      return 2 * spec.kernelSize * spec.kernelSize * inShape[2] * outs + 2 * outs;
    case 'dense':
      return 2 * inShape[inShape.length - 1] * spec.units + 2 * outs;
    case 'pool':
      return spec.poolSize * spec.poolSize * outs;
    case 'flatten':
      return 0;
  }
}

/** Throws (naming the layer) on specs that collapse, like computeLayerShapes. */
export function computeLayerCosts(inputShape: InputShape, specs: readonly LayerSpec[]): LayerCost[] {
  const { layers } = computeLayerShapes(inputShape, specs);
  let field: FieldGeometry | null = INPUT_FIELD;
  let shape: readonly number[] = inputShape;
  return specs.map((spec, i) => {
    const out = layers[i].outputShape;
    if (spec.kind === 'conv2d' || spec.kind === 'pool') {
      const kernel = spec.kind === 'conv2d' ? spec.kernelSize : spec.poolSize;
      const padding = spec.kind === 'conv2d' ? spec.padding : 'valid';
      field = field && foldField(field, { kernel, stride: spec.strides, padding, inSize: shape[0] });
    } else if (spec.kind === 'flatten') field = null;
    const cost: LayerCost = { name: spec.name, field, flops: flopsOf(spec, shape, out), activationBytes: product(out) * FLOAT32_BYTES };
    shape = out;
    return cost;
  });
}

/** "1.2 M", "3.4 k": compact figures for the table. */
export function compactNumber(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return String(n);
}
