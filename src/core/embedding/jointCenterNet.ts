/**
 * Joint detection and embedding with CenterNet: one `execute` returns the
 * decoded rows and an internal feature map; every one of the 100 rows gets
 * its embedding on the device, and rows + embeddings come back in ONE
 * `await data()` per frame (never one per box). Same model, weights and
 * post-processing as `loadCenterNet`; it implements `Detector`, so it can
 * replace it wherever appearance is wanted.
 */
import * as tf from '@tensorflow/tfjs';
import type { Tlwh } from '../geometry/boxes.ts';
import type { DetectorConfig } from '../detection/config.ts';
import { CENTERNET_MODEL_NAME } from '../detection/centernet.ts';
import {
  CENTERNET_ROW,
  loadCenterNetGraph,
  type CenterNetGraph,
  type CenterNetLadder,
  type CenterNetLoadOptions,
} from '../detection/centernetGraph.ts';
import type { CenterNetInputSize } from '../detection/centernetSizes.ts';
import type { InputTransform } from '../detection/preprocess.ts';
import { ZERO_TIMINGS, type Detector, type Detection, type DetectorInput, type StageTimings } from '../detection/types.ts';
import { EmbeddingConfigError, validateEmbeddingConfig, type EmbeddingConfig } from './config.ts';
import { embedRois, needsFeatures } from './embedRois.ts';
import { modelRowsToRois, sourceBoxesToRois } from './rois.ts';

/** A detection with its unit-norm appearance embedding. */
export interface EmbeddedDetection extends Detection {
  readonly embedding: Float32Array;
}

export interface JointTimings extends StageTimings {
  /** Embedding maths (RoI-align, pooling, histograms). Exact on wasm/cpu, which run ops synchronously. */
  readonly embeddingMs: number;
}

export interface JointCenterNetOptions extends Partial<DetectorConfig>, CenterNetLoadOptions {
  readonly embedding?: Partial<EmbeddingConfig>;
}

export interface DetectionsWithFeatures {
  readonly detections: EmbeddedDetection[];
  /** The feature map [1, h, w, C] over the model input. The caller disposes it. */
  readonly features: tf.Tensor4D;
  /** Source pixels ↔ model input, for mapping further boxes onto `features`. */
  readonly transform: InputTransform;
}

const now = (): number => globalThis.performance.now();

interface RunOutput {
  /** [100, 6 + D]: the model's rows, then each row's embedding. */
  readonly packed: tf.Tensor2D;
  readonly features: tf.Tensor4D;
  readonly inferenceMs: number;
  readonly embeddingMs: number;
}

/** Throws naming the node when the graph has no node `name` (else tfjs fails later with a vaguer message). */
function checkNodeExists(model: tf.GraphModel, name: string): void {
  // `executor.graph.nodes` is not in tfjs's public typings; skip the check if its shape ever changes.
  const nodes = (model as unknown as { executor?: { graph?: { nodes?: Record<string, unknown> } } }).executor?.graph?.nodes;
  if (nodes && !(name in nodes)) {
    throw new EmbeddingConfigError('featureNode', name, 'a node of the CenterNet graph, e.g. tower_0/CenternetHead/Relu_1');
  }
}

export class JointCenterNet implements Detector {
  readonly name = CENTERNET_MODEL_NAME;
  lastTimings: JointTimings = { ...ZERO_TIMINGS, embeddingMs: 0 };
  readonly #ladder: CenterNetLadder;
  readonly embeddingConfig: EmbeddingConfig;

  constructor(ladder: CenterNetLadder, embedding: Partial<EmbeddingConfig>) {
    this.#ladder = ladder;
    this.embeddingConfig = validateEmbeddingConfig(embedding);
    if (needsFeatures(this.embeddingConfig)) checkNodeExists(ladder.current.model, this.embeddingConfig.featureNode);
  }

  /** The graph in use; each call reads it once, so a size switch never splits a frame. */
  get #graph(): CenterNetGraph {
    return this.#ladder.current;
  }

  /** Switches the input size (loading that ladder graph the first time); detection continues meanwhile. */
  setInputSize(size: CenterNetInputSize): Promise<void> {
    return this.#ladder.use(size, (graph) => this.#warm(graph));
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

  /** Model batch → [rows | embeddings] packed [100, 6 + D] and the feature map (both for the caller to dispose). */
  #run(graph: CenterNetGraph, batch: tf.Tensor4D): RunOutput {
    const t0 = now();
    const [rows3, features] = graph.model.execute(batch, [graph.output, this.embeddingConfig.featureNode]) as [tf.Tensor3D, tf.Tensor4D];
    const t1 = now();
    try {
      const packed = tf.tidy(() => {
        const rows = tf.squeeze(rows3, [0]) as tf.Tensor2D;
        const rois = modelRowsToRois(rows, graph.size, this.embeddingConfig.sideTrim);
        return tf.concat([rows, embedRois({ image: batch, features }, rois, this.embeddingConfig)], 1) as tf.Tensor2D;
      });
      return { packed, features, inferenceMs: t1 - t0, embeddingMs: now() - t1 };
    } catch (error) {
      features.dispose();
      throw error;
    } finally {
      rows3.dispose();
    }
  }

  warmUp(): Promise<void> {
    return this.#warm(this.#graph);
  }

  async #warm(graph: CenterNetGraph): Promise<void> {
    const zeros = graph.zeros();
    try {
      const { packed, features } = this.#run(graph, zeros);
      features.dispose();
      try {
        await packed.data();
      } finally {
        packed.dispose();
      }
    } finally {
      zeros.dispose();
    }
  }

  /** Detections (sorted by score) with embeddings. */
  async detect(frame: DetectorInput): Promise<EmbeddedDetection[]> {
    const result = await this.detectWithFeatures(frame);
    result.features.dispose();
    return result.detections;
  }

  /** Like `detect`, and also hands over the feature map, which the caller disposes. */
  async detectWithFeatures(frame: DetectorInput): Promise<DetectionsWithFeatures> {
    const t0 = now();
    const graph = this.#graph;
    const { batch, transform } = graph.prepare(frame);
    const t1 = now();
    let run: RunOutput;
    try {
      run = this.#run(graph, batch);
    } finally {
      batch.dispose();
    }
    let data: Float32Array;
    try {
      data = (await run.packed.data()) as Float32Array;
    } catch (error) {
      run.features.dispose();
      throw error;
    } finally {
      run.packed.dispose();
    }
    const t2 = now();
    const stride = run.packed.shape[1];
    let detections: EmbeddedDetection[];
    try {
      detections = graph.decode(data, stride, transform).map(({ row, detection }) => ({
        ...detection,
        embedding: data.slice(row * stride + CENTERNET_ROW, (row + 1) * stride),
      }));
    } catch (error) {
      run.features.dispose();
      throw error;
    }
    this.lastTimings = {
      preprocessMs: t1 - t0,
      inferenceMs: t2 - t1 - run.embeddingMs,
      embeddingMs: run.embeddingMs,
      postprocessMs: now() - t2,
    };
    return { detections, features: run.features, transform };
  }

  /**
   * Embeddings for given source-pixel boxes (e.g. another detector's), one
   * readback for all. Runs the graph only up to the feature node (nothing at
   * all for `histogram`).
   */
  async embedBoxes(frame: DetectorInput, boxes: readonly Tlwh[]): Promise<Float32Array[]> {
    if (boxes.length === 0) return [];
    const graph = this.#graph;
    const { batch, transform } = graph.prepare(frame);
    let out: tf.Tensor2D;
    try {
      out = tf.tidy(() => {
        const features = needsFeatures(this.embeddingConfig)
          ? (graph.model.execute(batch, this.embeddingConfig.featureNode) as tf.Tensor4D)
          : undefined;
        const rois = tf.tensor2d(sourceBoxesToRois(boxes, transform, graph.size, this.embeddingConfig.sideTrim), [boxes.length, 4]);
        return embedRois({ image: batch, features }, rois, this.embeddingConfig);
      });
    } finally {
      batch.dispose();
    }
    try {
      const data = (await out.data()) as Float32Array;
      const dim = out.shape[1];
      return boxes.map((_, i) => data.slice(i * dim, (i + 1) * dim));
    } finally {
      out.dispose();
    }
  }

  dispose(): void {
    this.#ladder.dispose();
  }
}

/** Loads CenterNet (at `inputSize`, default 512) through the registry for joint detection + embedding, and warms it up. */
export async function loadJointCenterNet(options: JointCenterNetOptions): Promise<JointCenterNet> {
  const { source, manifest, integrity, inputSize, embedding, ...config } = options;
  return loadCenterNetGraph({ source, manifest, integrity, inputSize }, config, (ladder) => new JointCenterNet(ladder, embedding ?? {}));
}
