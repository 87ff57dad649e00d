/**
 * The custom classifier for one tracking stream, framework-free so the
 * worker only routes messages to it:
 *
 * 1. `afterDetect` remembers each detected frame's embedded detections and tracks;
 * 2. `captureTrack` stores the embedding of the detection matching a track's box;
 *    `captureFrame` embeds the whole next frame (for objects the detector misses);
 * 3. `train` fits a head on the samples; `enable` turns labelling on for one COCO class;
 * 4. while enabled, `afterDetect` classifies the matched detections in ONE batch and
 *    returns tracks with `customLabel`/`customScore` after the smoother.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Detection, DetectorInput } from '../detection/types.ts';
import { frameSize } from '../detection/preprocess.ts';
import type { Tlwh } from '../geometry/boxes.ts';
import type { TrackOutput } from '../tracking/types.ts';
import { disposeModel } from '../training/disposeModel.ts';
import { classify } from './classify.ts';
import { loadClassifier, saveClassifier, type ClassifierMeta } from './classifierStore.ts';
import type { ClassifierConfig } from './config.ts';
import { LabelSmoother, type SmootherConfig } from './labelSmoother.ts';
import { matchTracksToDetections } from './matchTracks.ts';
import { countByClass, SampleSetError, type ClassSample } from './samples.ts';
import { trainHead, type HeadEpoch } from './trainHead.ts';
import type { CustomTrackLabel } from './types.ts';

export type EmbeddedLike = Detection & { readonly embedding?: Float32Array };
export type LabelledTrack = TrackOutput & CustomTrackLabel;
/** Embeds source-pixel boxes of a frame (e.g. `JointCenterNet.embedBoxes`). */
export type BoxEmbedder = (frame: DetectorInput, boxes: readonly Tlwh[]) => Promise<Float32Array[]>;

export interface SessionFrame {
  frame: DetectorInput;
  detections: readonly EmbeddedLike[];
  tracks: readonly TrackOutput[];
  embedBoxes?: BoxEmbedder;
}

export interface ClassifierStatus {
  counts: Record<string, number>;
  trained: { classNames: string[]; targetClass: string } | null;
  enabled: boolean;
  targetClass: string;
}

export const DEFAULT_TARGET_CLASS = 'person';

export class ClassifierSession {
  #samples: ClassSample[] = [];
  #last: { detections: readonly EmbeddedLike[]; tracks: readonly TrackOutput[] } = { detections: [], tracks: [] };
  #pendingFrame: { className: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  #head: { model: tf.LayersModel; meta: ClassifierMeta } | null = null;
  #enabled = false;
  #target = DEFAULT_TARGET_CLASS;
  readonly #smoother: LabelSmoother;

  /** `embeddingMethod` is stored with trained heads and checked when loading one. */
  constructor(
    readonly embeddingMethod: string,
    smoother: Partial<SmootherConfig> = {},
  ) {
    this.#smoother = new LabelSmoother(smoother);
  }

  status(): ClassifierStatus {
    const h = this.#head?.meta;
    return {
      counts: Object.fromEntries(countByClass(this.#samples)),
      trained: h ? { classNames: [...h.classNames], targetClass: h.targetClass } : null,
      enabled: this.#enabled,
      targetClass: this.#target,
    };
  }

  /** Stores the embedding of the last frame's detection best matching track `trackId`. */
  captureTrack(trackId: number, className: string): void {
    const name = checkName(className);
    const track = this.#last.tracks.find((t) => t.id === trackId);
    if (!track) throw new SampleSetError(`track #${trackId} is not on the last frame; pick an active track`);
    const withEmb = this.#last.detections.filter((d) => d.embedding);
    if (withEmb.length === 0 && this.#last.detections.length > 0)
      throw new SampleSetError('the detector gives no embeddings: turn appearance on in Settings');
    const pair = matchTracksToDetections(
      [track.box],
      withEmb.map((d) => d.box),
    )[0];
    if (!pair)
      throw new SampleSetError(`track #${trackId} has no detection on the last frame (it is carried by the motion model); try again`);
    this.#samples.push({ embedding: withEmb[pair[1]].embedding!, className: name });
  }

  /** Resolves once the next detected frame (whole frame as one box) is stored as a sample; rejects after `timeoutMs` without one. */
  captureFrame(className: string, timeoutMs = 10_000): Promise<void> {
    const name = checkName(className);
    return new Promise((resolve, reject) => {
      const entry = {
        className: name,
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e: Error) => (clearTimeout(timer), reject(e)),
      };
      const timer = setTimeout(() => {
        this.#pendingFrame = this.#pendingFrame.filter((p) => p !== entry);
        reject(new SampleSetError(`no frame was detected within ${timeoutMs / 1000} s; start the camera and try again`));
      }, timeoutMs);
      this.#pendingFrame.push(entry);
    });
  }

  removeClass(className: string): void {
    this.#samples = this.#samples.filter((s) => s.className !== className);
  }

  clearSamples(): void {
    this.#samples = [];
  }

  async train(
    config: Partial<ClassifierConfig>,
    onEpoch?: (e: HeadEpoch) => void,
    signal?: AbortSignal,
  ): Promise<{ ms: number; history: HeadEpoch[] }> {
    const r = await trainHead(this.#samples, config, { onEpoch, signal });
    this.#setHead(r.model, {
      classNames: r.classNames,
      embeddingMethod: this.embeddingMethod,
      embeddingDim: r.dim,
      targetClass: this.#target,
    });
    return { ms: r.ms, history: r.history };
  }

  enable(on: boolean, targetClass = this.#target): void {
    if (on && !this.#head) throw new SampleSetError('train or load a classifier first');
    this.#enabled = on;
    this.#target = targetClass;
    this.#smoother.reset();
  }

  save(target: string | tf.io.IOHandler): Promise<tf.io.SaveResult> {
    if (!this.#head) throw new SampleSetError('nothing to save: train a classifier first');
    return saveClassifier(this.#head.model, { ...this.#head.meta, targetClass: this.#target }, target);
  }

  async load(source: string | tf.io.IOHandler, embeddingDim: number): Promise<ClassifierMeta> {
    const { model, meta } = await loadClassifier(source, { embeddingDim, embeddingMethod: this.embeddingMethod });
    this.#setHead(model, meta);
    this.#target = meta.targetClass;
    return meta;
  }

  /** Remembers the frame for captures and, when enabled, labels its tracks. */
  async afterDetect(f: SessionFrame): Promise<LabelledTrack[]> {
    this.#last = { detections: f.detections, tracks: f.tracks };
    if (this.#pendingFrame.length > 0) await this.#fulfilFrameCaptures(f);
    if (!this.#enabled || !this.#head) return [...f.tracks];
    return this.#label(f);
  }

  /** A new stream: forgets per-track smoothing and the last frame (samples and the head stay). */
  resetTracks(): void {
    this.#smoother.reset();
    this.#last = { detections: [], tracks: [] };
  }

  dispose(): void {
    if (this.#head) disposeModel(this.#head.model);
    this.#head = null;
    for (const p of this.#pendingFrame) p.reject(new Error('classifier disposed'));
    this.#pendingFrame = [];
  }

  #setHead(model: tf.LayersModel, meta: ClassifierMeta): void {
    if (this.#head) disposeModel(this.#head.model);
    this.#head = { model, meta };
    this.#smoother.reset();
  }

  async #fulfilFrameCaptures(f: SessionFrame): Promise<void> {
    const pending = this.#pendingFrame;
    this.#pendingFrame = [];
    try {
      if (!f.embedBoxes) throw new SampleSetError('the detector gives no embeddings: turn appearance on in Settings');
      const { width, height } = frameSize(f.frame);
      const [embedding] = await f.embedBoxes(f.frame, [[0, 0, width, height]]);
      for (const p of pending) {
        this.#samples.push({ embedding, className: p.className });
        p.resolve();
      }
    } catch (e) {
      for (const p of pending) p.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  async #label(f: SessionFrame): Promise<LabelledTrack[]> {
    const { model, meta } = this.#head!;
    const fresh = f.tracks.map((t, i) => [t, i] as const).filter(([t]) => t.label === this.#target && t.timeSinceUpdate === 0);
    const dets = f.detections.filter((d) => d.embedding?.length === meta.embeddingDim);
    const pairs = matchTracksToDetections(
      fresh.map(([t]) => t.box),
      dets.map((d) => d.box),
    );
    const probs = await classify(
      model,
      pairs.map(([, j]) => dets[j].embedding!),
    );
    pairs.forEach(([i], k) => this.#smoother.update(fresh[i][0].id, probs[k]));
    this.#smoother.retain(f.tracks.map((t) => t.id));
    return f.tracks.map((t) => {
      if (t.label !== this.#target) return t;
      const s = this.#smoother.current(t.id);
      return s.classIndex === null ? t : { ...t, customLabel: meta.classNames[s.classIndex], customScore: s.score };
    });
  }
}

function checkName(className: string): string {
  const name = className.trim();
  if (name === '' || name.length > 40) throw new SampleSetError(`class name ${JSON.stringify(className)} must have 1–40 characters`);
  return name;
}
