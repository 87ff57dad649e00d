/**
 * What both CenterNet adapters (`centernet.ts`, `embedding/jointCenterNet.ts`)
 * share: loading the graph at one ladder size, turning a frame into its input
 * batch, and decoding its rows into detections in source pixels.
 */
import * as tf from '@tensorflow/tfjs';
import type { ManifestModel } from '../models/manifest';
import { loadModel, type LoadModelOptions } from '../models/registry';
import type { ModelSource } from '../models/source';
import { centerNetModelName, DEFAULT_CENTERNET_INPUT_SIZE, validateCenterNetInputSize, type CenterNetInputSize } from './centernetSizes';
import { DetectorSettings, type DetectorConfig } from './config';
import { decodeRows, type DecodedRow } from './decodeRows';
import { frameSize, inputTransform, toModelBatch, type InputTransform, type ResizeMode } from './preprocess';
import type { DetectorInput } from './types';

/** Floats per decoded row: x1, y1, x2, y2, score, classId. */
export const CENTERNET_ROW = 6;

export interface CenterNetLoadOptions extends LoadModelOptions {
  /** Served base URL of the models folder (browser), or a ModelSource (Node: fileSystemModelSource). */
  readonly source: string | ModelSource;
  /** Square input size from the ladder (default 512); smaller is faster and misses small objects. */
  readonly inputSize?: CenterNetInputSize;
}

export class CenterNetGraph {
  readonly settings: DetectorSettings;
  /** The decoded-rows output node. */
  readonly output: string;

  constructor(
    readonly model: tf.GraphModel,
    readonly entry: ManifestModel,
    config: Partial<DetectorConfig>,
  ) {
    this.output = entry.outputs.detections ?? 'tower_0/detections';
    this.settings = new DetectorSettings(entry.labels ?? [], config);
  }

  get size(): { width: number; height: number } {
    return { width: this.entry.input.width, height: this.entry.input.height };
  }

  get inputSize(): CenterNetInputSize {
    return this.entry.input.width as CenterNetInputSize;
  }

  /** The frame as a model batch (the caller disposes it) and the transform back to source pixels. */
  prepare(frame: DetectorInput): { batch: tf.Tensor4D; transform: InputTransform } {
    const { width, height } = frameSize(frame);
    const transform = inputTransform(width, height, this.size, this.entry.input.resize as ResizeMode);
    return { batch: toModelBatch(frame, transform, this.size, this.entry.input.range[1] / 255), transform };
  }

  /** A zero batch of the input size, for warm-up (the caller disposes it). */
  zeros(): tf.Tensor4D {
    return tf.zeros<tf.Rank.R4>([1, this.size.height, this.size.width, 3]);
  }

  /** Rows of `stride` floats (the first CENTERNET_ROW are the model's) → filtered, NMS'd detections. */
  decode(data: Float32Array, stride: number, transform: InputTransform): DecodedRow[] {
    const { config, labels, allowed } = this.settings;
    return decodeRows(data, stride, { config, labels, allowed, transform });
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** Loads the verified graph of one ladder size (the caller disposes it). */
async function loadGraph(
  options: CenterNetLoadOptions,
  size: CenterNetInputSize,
  config: Partial<DetectorConfig>,
): Promise<CenterNetGraph> {
  const { source, manifest, integrity } = options;
  const { model, entry } = await loadModel(centerNetModelName(validateCenterNetInputSize(size)), source, { manifest, integrity });
  return new CenterNetGraph(model, entry, config);
}

/**
 * The ladder sizes an adapter has loaded, and the one in use. `use` loads a
 * size on first request (verified like every model), warms it with the
 * adapter's own warm-up, then switches; until then detection keeps running on
 * the current size. Post-processing settings carry over.
 */
export class CenterNetLadder {
  readonly #options: CenterNetLoadOptions;
  readonly #graphs = new Map<CenterNetInputSize, CenterNetGraph>();
  readonly #loading = new Map<CenterNetInputSize, Promise<CenterNetGraph>>();
  #current: CenterNetGraph;
  #disposed = false;

  constructor(options: CenterNetLoadOptions, first: CenterNetGraph) {
    this.#options = options;
    this.#current = first;
    this.#graphs.set(first.inputSize, first);
  }

  get current(): CenterNetGraph {
    return this.#current;
  }

  /** Switches to `size`, loading and warming it with `warmUp` the first time. */
  async use(size: CenterNetInputSize, warmUp: (graph: CenterNetGraph) => Promise<void>): Promise<void> {
    validateCenterNetInputSize(size);
    let graph = this.#graphs.get(size);
    if (graph === undefined) {
      let loading = this.#loading.get(size);
      if (loading === undefined) {
        loading = loadGraph(this.#options, size, this.#current.settings.config).then(async (g) => {
          try {
            await warmUp(g);
          } catch (error) {
            g.dispose();
            throw error;
          }
          if (this.#disposed) g.dispose();
          else this.#graphs.set(size, g);
          return g;
        });
        this.#loading.set(size, loading);
        void loading.catch(() => {}).finally(() => this.#loading.delete(size));
      }
      graph = await loading;
    }
    if (this.#disposed) return;
    graph.settings.update(this.#current.settings.config);
    this.#current = graph;
  }

  dispose(): void {
    this.#disposed = true;
    for (const g of this.#graphs.values()) g.dispose();
    this.#graphs.clear();
  }
}

/**
 * Loads CenterNet at `inputSize` through the registry (files verified against
 * the manifest), builds the adapter with `create` and warms it up; the graph is
 * disposed when either step fails.
 */
export async function loadCenterNetGraph<D extends { warmUp(): Promise<void> }>(
  options: CenterNetLoadOptions,
  config: Partial<DetectorConfig>,
  create: (ladder: CenterNetLadder) => D,
): Promise<D> {
  const graph = await loadGraph(options, options.inputSize ?? DEFAULT_CENTERNET_INPUT_SIZE, config);
  try {
    const detector = create(new CenterNetLadder(options, graph));
    await detector.warmUp();
    return detector;
  } catch (error) {
    graph.dispose();
    throw error;
  }
}
