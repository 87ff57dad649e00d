/**
 * Person segmentation on the same backend as the detector: `segment(frame)`
 * gives a full-frame person-probability mask at model resolution plus the
 * source → mask mapping; `segmentTensor` gives the mask as a tensor (the
 * caller disposes it). One `await data()` per call.
 *
 * Models (models/manifest.json, stretch resize, input 0..1):
 * - selfie: [1, 256, 256, 3] → [1, 256, 256, 1] probability;
 * - meet:   [1, 144, 256, 3] → [1, 144, 256, 2] logits (background, person).
 */
import * as tf from '@tensorflow/tfjs';
import { frameSize, inputTransform, toModelBatch } from '../detection/preprocess.ts';
import type { DetectorInput } from '../detection/types.ts';
import type { ManifestModel } from '../models/manifest.ts';
import { loadWarmedModel, type LoadModelOptions } from '../models/registry.ts';
import type { ModelSource } from '../models/source.ts';
import { validateSegmenterConfig, type SegmenterConfig } from './config.ts';
import type { PersonMask } from './types.ts';

export interface SegmenterOptions extends Partial<SegmenterConfig>, LoadModelOptions {
  readonly source: string | ModelSource;
}

export class Segmenter {
  readonly config: SegmenterConfig;
  /** Milliseconds of the last model run (preprocess to readback). */
  lastMs = 0;
  readonly #model: tf.GraphModel;
  readonly #entry: ManifestModel;
  #calls = 0;
  #last: PersonMask | null = null;

  constructor(model: tf.GraphModel, entry: ManifestModel, config: SegmenterConfig) {
    this.#model = model;
    this.#entry = entry;
    this.config = config;
  }

  get #size(): { width: number; height: number } {
    return { width: this.#entry.input.width, height: this.#entry.input.height };
  }

  /** The model's input size (frames are stretched to it); its output size is the mask's. */
  get inputSize(): { width: number; height: number } {
    return this.#size;
  }

  /** Person probability [h, w] in 0..1 at model resolution. The caller disposes it. */
  segmentTensor(frame: DetectorInput): tf.Tensor2D {
    const { width, height } = frameSize(frame);
    const t = inputTransform(width, height, this.#size, 'stretch');
    return tf.tidy(() => {
      const batch = toModelBatch(frame, t, this.#size, this.#entry.input.range[1] / 255);
      const out = this.#model.execute(batch, this.#entry.outputs.mask) as tf.Tensor4D;
      const [, h, w, c] = out.shape;
      const person = c === 2 ? tf.slice(tf.softmax(out), [0, 0, 0, 1], [1, h, w, 1]) : out;
      return tf.reshape(person, [h, w]) as tf.Tensor2D;
    });
  }

  /** Runs the model and reads the mask back. */
  async segment(frame: DetectorInput): Promise<PersonMask> {
    const t0 = globalThis.performance.now();
    const { width, height } = frameSize(frame);
    const mask = this.segmentTensor(frame);
    try {
      const [h, w] = mask.shape;
      const data = (await mask.data()) as Float32Array;
      this.lastMs = globalThis.performance.now() - t0;
      return { width: w, height: h, data, scaleX: w / width, scaleY: h / height, sourceWidth: width, sourceHeight: height };
    } finally {
      mask.dispose();
    }
  }

  /**
   * For a live loop: runs the model on every `config.cadence`-th call (the
   * first included) and returns the previous mask otherwise.
   */
  async next(frame: DetectorInput): Promise<PersonMask> {
    const due = this.#calls % this.config.cadence === 0 || this.#last === null;
    this.#calls++;
    if (due) this.#last = await this.segment(frame);
    return this.#last!;
  }

  async warmUp(): Promise<void> {
    const zeros = tf.zeros<tf.Rank.R3>([this.#size.height, this.#size.width, 3]);
    try {
      await this.segment(zeros);
    } finally {
      zeros.dispose();
    }
  }

  dispose(): void {
    this.#model.dispose();
  }
}

/** Loads the configured segmentation model through the registry and warms it up. */
export async function loadSegmenter(options: SegmenterOptions): Promise<Segmenter> {
  const { source, manifest, integrity, ...rest } = options;
  const config = validateSegmenterConfig(rest);
  return loadWarmedModel(config.model, source, { manifest, integrity }, (model, entry) => new Segmenter(model, entry, config));
}
