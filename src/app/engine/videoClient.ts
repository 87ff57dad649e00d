import type { OpenedInfo, ProcessedFrame, ProcessRequest, TrackThumb, VideoRequest, VideoResponse } from '../video/protocol';

/** Callbacks for one processing run, in the order they fire. */
export interface RunCallbacks {
  onOpened(info: OpenedInfo): void;
  onBatch(frames: ProcessedFrame[], thumbs: TrackThumb[], framesDone: number, elapsedMs: number): void;
  /** The run ended: finished, or cancelled (the frames sent so far are kept). */
  onDone(cancelled: boolean, framesDone: number, elapsedMs: number): void;
  /** Bad input or a failure; `name` is the error class (e.g. NotAVideoError). */
  onError(name: string, message: string, framesDone: number): void;
}

/**
 * Page-side handle on the uploaded-video worker. One run at a time; the
 * worker keeps its backend and detector loaded between runs.
 */
export class VideoClient {
  readonly #worker: Worker;
  #callbacks: RunCallbacks | null = null;
  #runId = 0;

  constructor() {
    this.#worker = new Worker(new URL('./video.worker.ts', import.meta.url), { type: 'module', name: 'video' });
    this.#worker.onmessage = (e: MessageEvent<VideoResponse>) => this.#onMessage(e.data);
    this.#worker.onerror = (e) => {
      this.#callbacks?.onError(
        'WorkerError',
        `the video worker stopped: ${e.message ?? 'no reason given (out of memory, or the GPU context was lost)'}`,
        0,
      );
      this.#callbacks = null;
    };
  }

  /** Starts processing `request.file` (a running job is cancelled first). */
  start(request: ProcessRequest, callbacks: RunCallbacks): void {
    this.#callbacks = callbacks;
    this.#send({ type: 'start', runId: ++this.#runId, ...request });
  }

  pause(): void {
    this.#send({ type: 'pause' });
  }

  resume(): void {
    this.#send({ type: 'resume' });
  }

  cancel(): void {
    this.#send({ type: 'cancel' });
  }

  dispose(): void {
    this.#worker.terminate();
    this.#callbacks = null;
  }

  #send(msg: VideoRequest): void {
    this.#worker.postMessage(msg);
  }

  #onMessage(msg: VideoResponse): void {
    const cb = this.#callbacks;
    if (!cb || msg.runId !== this.#runId) return;
    if (msg.type === 'opened') cb.onOpened(msg);
    else if (msg.type === 'batch') cb.onBatch(msg.frames, msg.thumbs, msg.framesDone, msg.elapsedMs);
    else {
      this.#callbacks = null;
      if (msg.type === 'done') cb.onDone(msg.cancelled, msg.framesDone, msg.elapsedMs);
      else cb.onError(msg.name, msg.message, msg.framesDone);
    }
  }
}
