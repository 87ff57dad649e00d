import { TrackEmbeddingSums } from '../../core/refine';
import type { ProcessedFrame, TrackThumb, VideoResponse } from '../video/protocol';

/** Frames per batch message, and the longest a frame waits before its batch is sent. */
const BATCH_FRAMES = 8;
const BATCH_MS = 250;

/** A response without its run id (the worker adds it). */
export type VideoBody = VideoResponse extends infer R ? (R extends unknown ? Omit<R, 'runId'> : never) : never;

/**
 * Streams one run's frames to the page in small batches, for processing and
 * re-tracking alike. It keeps the tracklet embedding sums for offline
 * linking (`TrackEmbeddingSums`) and sends the changed ones on each batch's
 * last frame, so the page never receives every frame's embeddings.
 */
export class VideoBatcher {
  readonly #embeddings = new TrackEmbeddingSums();
  readonly #touched = new Set<number>();
  #frames: ProcessedFrame[] = [];
  #thumbs: TrackThumb[] = [];
  #lastPost = performance.now();
  framesDone = 0;

  constructor(
    readonly post: (msg: VideoBody) => void,
    readonly elapsedMs: () => number,
  ) {}

  /** Tracks and detections of a detected frame, in the same pixels. */
  addEmbeddings(...frame: Parameters<TrackEmbeddingSums['add']>): void {
    for (const id of this.#embeddings.add(...frame)) this.#touched.add(id);
  }

  addThumb(thumb: TrackThumb): void {
    this.#thumbs.push(thumb);
  }

  /** One finished frame; sends the batch when it is full or old enough. */
  add(frame: ProcessedFrame): void {
    this.#frames.push(frame);
    this.framesDone++;
    if (this.#frames.length >= BATCH_FRAMES || performance.now() - this.#lastPost > BATCH_MS) this.flush();
  }

  flush(): void {
    if (this.#frames.length === 0 && this.#thumbs.length === 0) return;
    if (this.#frames.length > 0 && this.#touched.size > 0) {
      this.#frames[this.#frames.length - 1].embeddingSums = [...this.#touched].map((id) => [
        id,
        Float32Array.from(this.#embeddings.get(id)!),
      ]);
      this.#touched.clear();
    }
    this.post({ type: 'batch', frames: this.#frames, thumbs: this.#thumbs, framesDone: this.framesDone, elapsedMs: this.elapsedMs() });
    this.#frames = [];
    this.#thumbs = [];
    this.#lastPost = performance.now();
  }
}
