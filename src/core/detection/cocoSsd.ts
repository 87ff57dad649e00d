/**
 * coco-ssd (lite_mobilenet_v2) through @tensorflow-models/coco-ssd, adapted to
 * the Detector interface.
 *
 * Caveats of the library (2.2.3) we cannot change from here: its own NMS is
 * class-agnostic and uses `minScore` as the IoU threshold too, it reads
 * results with dataSync, and on WebGL it switches the global backend to 'cpu'
 * for NMS and back. We re-run class-aware NMS with our iouThreshold and apply
 * the class filter and maxDetections afterwards.
 */
import * as tf from '@tensorflow/tfjs';
import * as cocoSsd from '@tensorflow-models/coco-ssd';
import type { FetchLike } from '../models/source';
import { COCO80_LABELS } from './cocoLabels';
import { validateDetectorConfig, type DetectorConfig } from './config';
import { classAwareNms, type Candidate } from './nms';
import { frameSize } from './preprocess';
import { ZERO_TIMINGS, type Detection, type Detector, type DetectorInput, type StageTimings } from './types';

export const COCO_SSD_NAME = 'coco-ssd';
/** What @tensorflow-models/coco-ssd 2.2.3 loads when no modelUrl is given. */
export const COCO_SSD_DEFAULT_URL = 'https://storage.googleapis.com/tfjs-models/savedmodel/ssdlite_mobilenet_v2/model.json';
/** Where `npm run models:coco-ssd` puts the model, relative to the app's base URL. */
export const COCO_SSD_LOCAL_PATH = 'models/coco-ssd/model.json';
/** coco-ssd's own pre-NMS cap; we filter and cap again afterwards. */
const LIBRARY_MAX_BOXES = 100;

export interface CocoSsdOptions extends Partial<DetectorConfig> {
  /** App base URL (e.g. '/'); `<baseUrl>models/coco-ssd/model.json` is used when it exists. */
  readonly baseUrl?: string;
  /** Explicit model.json URL; skips the local check. */
  readonly modelUrl?: string;
  readonly fetch?: FetchLike;
}

/** The self-hosted model URL when it is served, else undefined (library default). */
export async function resolveCocoSsdModelUrl(
  baseUrl: string | undefined,
  fetchFn: FetchLike = (u, i) => fetch(u, i),
): Promise<string | undefined> {
  if (baseUrl === undefined) return undefined;
  const url = `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${COCO_SSD_LOCAL_PATH}`;
  try {
    const response = await fetchFn(url, { method: 'HEAD' });
    return response.ok ? url : undefined;
  } catch {
    return undefined;
  }
}

const now = (): number => globalThis.performance.now();

class CocoSsdDetector implements Detector {
  readonly name = COCO_SSD_NAME;
  lastTimings: StageTimings = ZERO_TIMINGS;
  readonly #model: cocoSsd.ObjectDetection;
  #config: DetectorConfig;

  constructor(model: cocoSsd.ObjectDetection, config: DetectorConfig) {
    this.#model = model;
    this.#config = config;
  }

  get config(): DetectorConfig {
    return this.#config;
  }

  setConfig(update: Partial<DetectorConfig>): void {
    this.#config = validateDetectorConfig({ ...this.#config, ...update }, COCO80_LABELS);
  }

  async detect(frame: DetectorInput): Promise<Detection[]> {
    const t0 = now();
    frameSize(frame); // validates shape/type before allocating anything
    // The graph wants int32 RGB; pixel sources are converted by the library.
    const tensor = frame instanceof tf.Tensor ? tf.tidy(() => tf.cast(tf.slice(frame, [0, 0, 0], [-1, -1, 3]), 'int32')) : null;
    const t1 = now();
    let raw: cocoSsd.DetectedObject[];
    try {
      const input = (tensor ?? frame) as Parameters<cocoSsd.ObjectDetection['detect']>[0];
      raw = await this.#model.detect(input, LIBRARY_MAX_BOXES, this.#config.scoreThreshold);
    } finally {
      tensor?.dispose();
    }
    const t2 = now();
    const detections = this.#postprocess(raw);
    this.lastTimings = { preprocessMs: t1 - t0, inferenceMs: t2 - t1, postprocessMs: now() - t2 };
    return detections;
  }

  #postprocess(raw: readonly cocoSsd.DetectedObject[]): Detection[] {
    const { classes, iouThreshold, maxDetections } = this.#config;
    const candidates: Candidate[] = [];
    for (const r of raw) {
      const classId = (COCO80_LABELS as readonly string[]).indexOf(r.class);
      if (classId < 0 || (classes !== undefined && !classes.includes(r.class))) continue;
      const [x, y, w, h] = r.bbox; // pixels, [x, y, width, height]
      candidates.push({ box: [x, y, x + w, y + h], score: r.score, classId });
    }
    const kept = classAwareNms(candidates, iouThreshold, maxDetections);
    return kept.map((k) => {
      const { box, score, classId } = candidates[k];
      return { box: [box[0], box[1], box[2] - box[0], box[3] - box[1]], score, classId, label: COCO80_LABELS[classId] };
    });
  }

  dispose(): void {
    this.#model.dispose();
  }
}

/** Loads (and, inside the library, warms up) coco-ssd lite_mobilenet_v2. */
export async function loadCocoSsd(options: CocoSsdOptions = {}): Promise<Detector> {
  const { baseUrl, modelUrl, fetch: fetchFn, ...config } = options;
  const validated = validateDetectorConfig(config, COCO80_LABELS);
  const url = modelUrl ?? (await resolveCocoSsdModelUrl(baseUrl, fetchFn));
  const model = await cocoSsd.load({ base: 'lite_mobilenet_v2', modelUrl: url });
  return new CocoSsdDetector(model, validated);
}
