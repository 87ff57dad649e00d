/**
 * The detection cache: every detected frame's detections, embeddings and
 * person mask, recorded once while a video is processed. Tracking and
 * refinement are a small fraction of a frame's cost (the detector is the
 * rest), so re-running them over the cache with new tracker settings takes
 * about a second per thousand frames (`npm run bench:video -- --retrack`)
 * and gives the same rows a full run with those settings gives (a
 * `ReplayDetector` serves the cached detections to the same `StreamRunner`).
 *
 * The CLI writes it (`--save-detections`) and reads it back (`--detections`);
 * the Video view keeps one in memory per upload. Embeddings are stored as
 * base64 little-endian float32, so a round trip is exact.
 */
import type { MotRow } from '../metrics/motFormat.ts';
import type { MaskRle } from '../segmentation/rle.ts';
import type { Detection } from '../tracking/types.ts';
import type { FrameResult } from './trackingPipeline.ts';

export const DETECTION_CACHE_FORMAT = 'trackscope-detections';
export const DETECTION_CACHE_VERSION = 1;

/** One cached detection: tracker input, embedding as base64 float32. */
export interface CachedDetection {
  box: [number, number, number, number];
  score: number;
  classId?: number;
  label?: string;
  embedding?: string;
}

export interface CachedFrame {
  /** Source frame index (0-based). */
  index: number;
  detections: CachedDetection[];
  mask?: MaskRle;
}

export interface DetectionCacheVideo {
  fileName: string;
  width: number;
  height: number;
  frameRate: number;
  /** Frames in the video (detected or not). */
  frameCount: number;
}

export interface DetectionCache {
  format: typeof DETECTION_CACHE_FORMAT;
  version: typeof DETECTION_CACHE_VERSION;
  video: DetectionCacheVideo;
  /** Detector that produced the boxes (`centernet`, `coco-ssd`) or `det.txt` for recorded MOTChallenge detections. */
  detector: string;
  /** Appearance features attached to the detections (`fusion`, `joint`, `histogram`, `off`). */
  appearance: string;
  /** Frames the detector ran on, in index order. */
  frames: CachedFrame[];
}

/** A cache file that cannot be read: says which field and why. */
export class DetectionCacheError extends Error {
  override readonly name = 'DetectionCacheError';
}

function float32ToBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  return btoa(text);
}

function base64ToFloat32(text: string, where: string): Float32Array {
  let raw: string;
  try {
    raw = atob(text);
  } catch {
    throw new DetectionCacheError(`${where}.embedding is not base64`);
  }
  if (raw.length % 4 !== 0) throw new DetectionCacheError(`${where}.embedding has ${raw.length} bytes, not a whole number of float32`);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

function cacheDetection(d: Detection): CachedDetection {
  return {
    box: [d.box[0], d.box[1], d.box[2], d.box[3]],
    score: d.score,
    ...(d.classId !== undefined ? { classId: d.classId } : {}),
    ...(d.label !== undefined ? { label: d.label } : {}),
    ...(d.embedding ? { embedding: float32ToBase64(d.embedding) } : {}),
  };
}

/** Records the detected frames of one processed video, in any order; frames without a detector run are skipped. */
export class DetectionCacheRecorder {
  readonly #frames = new Map<number, CachedFrame>();

  add(result: Pick<FrameResult, 'index' | 'detected' | 'detections'>, mask?: MaskRle): void {
    if (!result.detected) return;
    this.#frames.set(result.index, { index: result.index, detections: result.detections.map(cacheDetection), ...(mask ? { mask } : {}) });
  }

  get size(): number {
    return this.#frames.size;
  }

  build(video: DetectionCacheVideo, detector: string, appearance: string): DetectionCache {
    const frames = [...this.#frames.values()].sort((a, b) => a.index - b.index);
    return { format: DETECTION_CACHE_FORMAT, version: DETECTION_CACHE_VERSION, video, detector, appearance, frames };
  }
}

/** A cache from MOTChallenge detection rows (`det.txt`, 1-based frames): one cached frame per video frame. */
export function cacheFromMotDetections(rows: readonly MotRow[], video: DetectionCacheVideo): DetectionCache {
  const frames: CachedFrame[] = Array.from({ length: video.frameCount }, (_, index) => ({ index, detections: [] }));
  for (const r of rows) {
    if (r.frame >= 1 && r.frame <= video.frameCount) {
      frames[r.frame - 1].detections.push({ box: [r.box[0], r.box[1], r.box[2], r.box[3]], score: r.conf });
    }
  }
  return { format: DETECTION_CACHE_FORMAT, version: DETECTION_CACHE_VERSION, video, detector: 'det.txt', appearance: 'off', frames };
}

/** Tracker detections per source frame (`undefined` where the detector did not run). */
export function cachedDetectionsByFrame(cache: DetectionCache): (Detection[] | undefined)[] {
  const out = new Array<Detection[] | undefined>(cache.video.frameCount);
  for (const f of cache.frames) {
    out[f.index] = f.detections.map((d, k) => ({
      box: d.box,
      score: d.score,
      ...(d.classId !== undefined ? { classId: d.classId } : {}),
      ...(d.label !== undefined ? { label: d.label } : {}),
      ...(d.embedding !== undefined ? { embedding: base64ToFloat32(d.embedding, `frames[index ${f.index}].detections[${k}]`) } : {}),
    }));
  }
  return out;
}

/**
 * The detection cadence a cache was recorded at: 1 when every frame was
 * detected, otherwise the gap between its first two detected frames (a
 * `StreamRunner` at cadence k detects frames 0, k, 2k, ...). A strict
 * `ReplayDetector` rejects a cache whose frames do not follow it.
 */
export function recordedCadence(cache: DetectionCache): number {
  const [first, second] = cache.frames;
  return first && second ? Math.max(1, second.index - first.index) : 1;
}

export function serializeDetectionCache(cache: DetectionCache): string {
  return JSON.stringify(cache);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkVideo(v: unknown): DetectionCacheVideo {
  if (!isObject(v)) throw new DetectionCacheError('video is missing');
  for (const key of ['width', 'height', 'frameRate', 'frameCount'] as const) {
    if (!isFiniteNumber(v[key]) || v[key] <= 0)
      throw new DetectionCacheError(`video.${key} is ${String(v[key])}; expected a positive number`);
  }
  return v as unknown as DetectionCacheVideo;
}

function checkFrame(f: unknown, k: number, frameCount: number): void {
  if (!isObject(f) || !Number.isInteger(f.index) || (f.index as number) < 0 || (f.index as number) >= frameCount) {
    throw new DetectionCacheError(
      `frames[${k}].index is ${isObject(f) ? String(f.index) : 'missing'}; expected an integer in [0, ${frameCount - 1}]`,
    );
  }
  if (!Array.isArray(f.detections)) throw new DetectionCacheError(`frames[${k}].detections is not a list`);
  f.detections.forEach((d: unknown, j: number) => {
    const ok = isObject(d) && Array.isArray(d.box) && d.box.length === 4 && d.box.every(isFiniteNumber) && isFiniteNumber(d.score);
    if (!ok) throw new DetectionCacheError(`frames[${k}].detections[${j}] needs a box of 4 numbers and a numeric score`);
  });
}

/** Parses and checks a cache file's text; throws `DetectionCacheError` naming the first bad field. */
export function parseDetectionCache(text: string): DetectionCache {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DetectionCacheError(`not JSON (${(e as Error).message})`);
  }
  if (!isObject(data) || data.format !== DETECTION_CACHE_FORMAT) {
    throw new DetectionCacheError(
      `not a detection cache: format is ${isObject(data) ? JSON.stringify(data.format) : 'missing'}, expected "${DETECTION_CACHE_FORMAT}"`,
    );
  }
  if (data.version !== DETECTION_CACHE_VERSION) {
    throw new DetectionCacheError(`version ${String(data.version)} is not supported (this build reads version ${DETECTION_CACHE_VERSION})`);
  }
  const video = checkVideo(data.video);
  if (!Array.isArray(data.frames)) throw new DetectionCacheError('frames is not a list');
  data.frames.forEach((f, k) => checkFrame(f, k, video.frameCount));
  return data as unknown as DetectionCache;
}
