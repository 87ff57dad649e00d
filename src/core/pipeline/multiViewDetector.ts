/**
 * Accuracy mode as a `Detector`: runs the wrapped detector on every view of
 * the frame (full frame, overlapping tiles, mirror; `detection/views.ts`)
 * and merges their boxes by class-aware NMS with fused scores
 * (`detection/mergeViews.ts`). Its name is the wrapped detector's, so the
 * stream keeps that detector's tracker preset.
 *
 * Embeddings: a merged box that the full frame also found keeps the full
 * frame's embedding (a tile sees people at another scale and the mirror
 * mirrors them, so their features differ); the others are embedded on the
 * full frame in one extra `embedBoxes` call, when the wrapped detector has one.
 */
import * as tf from '@tensorflow/tfjs';
import { validateAccuracyConfig, type AccuracyConfig } from '../detection/accuracyConfig.ts';
import type { DetectorConfig } from '../detection/config.ts';
import { mergeViews, type MergedDetection } from '../detection/mergeViews.ts';
import { ZERO_TIMINGS, type Detection, type Detector, type DetectorInput, type StageTimings } from '../detection/types.ts';
import { cutByView, frameViews, viewBoxToFrame, type View } from '../detection/views.ts';
import type { Tlwh } from '../geometry/boxes.ts';

type Embedded = Detection & { readonly embedding?: Float32Array };

/** A detector that can embed given boxes on a frame (`JointCenterNet`). */
interface BoxEmbedder {
  embedBoxes(frame: DetectorInput, boxes: readonly Tlwh[]): Promise<Float32Array[]>;
}

const canEmbed = (d: Detector): d is Detector & BoxEmbedder => typeof (d as Partial<BoxEmbedder>).embedBoxes === 'function';

type Timings = StageTimings & { embeddingMs: number };

function addTimings(a: Timings, b: StageTimings & { embeddingMs?: number }): Timings {
  return {
    preprocessMs: a.preprocessMs + b.preprocessMs,
    inferenceMs: a.inferenceMs + b.inferenceMs,
    postprocessMs: a.postprocessMs + b.postprocessMs,
    embeddingMs: a.embeddingMs + (b.embeddingMs ?? 0),
  };
}

/** The view's pixels as a new tensor (the caller disposes it). */
function viewTensor(frame: tf.Tensor3D, view: View): tf.Tensor3D {
  return tf.tidy(() => {
    const crop = tf.slice(frame, [view.y, view.x, 0], [view.height, view.width, -1]);
    return view.flip ? tf.reverse(crop, 1) : crop;
  });
}

export class MultiViewDetector implements Detector {
  readonly accuracy: AccuracyConfig;
  lastTimings: Timings = { ...ZERO_TIMINGS, embeddingMs: 0 };

  constructor(
    readonly inner: Detector,
    accuracy: Partial<AccuracyConfig> = {},
  ) {
    this.accuracy = validateAccuracyConfig(accuracy);
  }

  get name(): string {
    return this.inner.name;
  }

  get config(): DetectorConfig {
    return this.inner.config;
  }

  setConfig(update: Partial<DetectorConfig>): void {
    this.inner.setConfig(update);
  }

  async detect(input: DetectorInput): Promise<Detection[]> {
    const frame = input instanceof tf.Tensor ? input : tf.browser.fromPixels(input as Parameters<typeof tf.browser.fromPixels>[0]);
    try {
      const [height, width] = frame.shape;
      const views = frameViews(width, height, this.accuracy);
      let timings: Timings = { ...ZERO_TIMINGS, embeddingMs: 0 };
      const found: Embedded[][] = [];
      for (const [v, view] of views.entries()) {
        const pixels = v === 0 ? frame : viewTensor(frame, view);
        try {
          const dets = (await this.inner.detect(pixels)) as Embedded[];
          found.push(v === 0 ? dets : this.#toFrame(dets, view, width, height));
        } finally {
          if (pixels !== frame) pixels.dispose();
        }
        timings = addTimings(timings, this.inner.lastTimings);
      }
      const { iouThreshold, maxDetections } = this.inner.config;
      const merged = mergeViews(found, { iouThreshold, maxDetections, fusion: this.accuracy.fusion });
      const t0 = performance.now();
      const out = await this.#embed(frame, merged);
      this.lastTimings = { ...timings, embeddingMs: timings.embeddingMs + performance.now() - t0 };
      return out;
    } finally {
      if (frame !== input) frame.dispose();
    }
  }

  /** A view's boxes in frame pixels, without those the view cut off; view embeddings dropped. */
  #toFrame(dets: readonly Embedded[], view: View, width: number, height: number): Embedded[] {
    return dets
      .map(({ embedding: _e, ...d }) => ({ ...d, box: viewBoxToFrame(d.box, view) }))
      .filter((d) => !cutByView(d.box, view, width, height, this.accuracy.edgeMargin));
  }

  /** Gives each merged box the full frame's embedding where the full frame found it, else one embedded on the full frame. */
  async #embed(frame: tf.Tensor3D, merged: readonly MergedDetection<Embedded>[]): Promise<Detection[]> {
    const fromFull = merged.map((m) => m.members.find((x) => x.view === 0)?.detection.embedding);
    const missing = merged.flatMap((_, i) => (fromFull[i] === undefined ? [i] : []));
    const embedded =
      missing.length > 0 && canEmbed(this.inner)
        ? await this.inner.embedBoxes(
            frame,
            missing.map((i) => merged[i].detection.box),
          )
        : [];
    const extra = new Map(missing.map((i, k) => [i, embedded[k]]));
    return merged.map(({ detection: { embedding: _e, ...d } }, i) => {
      const embedding = fromFull[i] ?? extra.get(i);
      return embedding ? { ...d, embedding } : d;
    });
  }

  dispose(): void {
    this.inner.dispose();
  }
}
