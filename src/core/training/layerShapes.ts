/**
 * Pure output-shape and parameter-count arithmetic for layer specs
 * (same rules as tf.js/Keras, so it matches model.summary()).
 *   conv 'valid': out = floor((in − k) / s) + 1;  'same': out = ceil(in / s)
 *   pool (tf.js default padding 'valid'): out = floor((in − p) / s) + 1
 *   conv params = k·k·cin·filters + filters;  dense = in·units + units
 */
import type { InputShape, LayerSpec } from './layerSpecs.ts';

export interface LayerShape {
  name: string;
  kind: LayerSpec['kind'];
  /** Without the batch dimension. */
  outputShape: number[];
  params: number;
}

function convOut(size: number, k: number, s: number, padding: 'same' | 'valid'): number {
  return padding === 'same' ? Math.ceil(size / s) : Math.floor((size - k) / s) + 1;
}

function step(shape: number[], spec: LayerSpec): LayerShape {
  const base = { name: spec.name, kind: spec.kind };
  switch (spec.kind) {
    case 'dense': {
      const inUnits = shape[shape.length - 1];
      return { ...base, outputShape: [...shape.slice(0, -1), spec.units], params: inUnits * spec.units + spec.units };
    }
    case 'conv2d': {
      const [h, w, c] = shape;
      const out = [
        convOut(h, spec.kernelSize, spec.strides, spec.padding),
        convOut(w, spec.kernelSize, spec.strides, spec.padding),
        spec.filters,
      ];
      return { ...base, outputShape: out, params: spec.kernelSize * spec.kernelSize * c * spec.filters + spec.filters };
    }
    case 'pool': {
      const [h, w, c] = shape;
      return {
        ...base,
        outputShape: [convOut(h, spec.poolSize, spec.strides, 'valid'), convOut(w, spec.poolSize, spec.strides, 'valid'), c],
        params: 0,
      };
    }
    case 'flatten':
      return { ...base, outputShape: [shape.reduce((a, b) => a * b, 1)], params: 0 };
  }
}

/** Throws naming the layer when a dimension would drop below 1. */
export function computeLayerShapes(inputShape: InputShape, specs: readonly LayerSpec[]): { layers: LayerShape[]; totalParams: number } {
  let shape = [...inputShape];
  const layers: LayerShape[] = [];
  for (const spec of specs) {
    if ((spec.kind === 'conv2d' || spec.kind === 'pool') && shape.length !== 3) {
      throw new Error(`layer ${spec.name} needs a [h, w, c] input but gets [${shape.join(', ')}]; put it before flatten`);
    }
    const out = step(shape, spec);
    if (out.outputShape.some((d) => !(d >= 1))) {
      throw new Error(
        `layer ${spec.name} output shape is [${out.outputShape.join(', ')}] from input [${shape.join(', ')}]; every dimension must be >= 1 (smaller kernel/stride or 'same' padding)`,
      );
    }
    layers.push(out);
    shape = out.outputShape;
  }
  return { layers, totalParams: layers.reduce((a, l) => a + l.params, 0) };
}
